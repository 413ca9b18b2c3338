import type { AttributeMap, AttributeValue } from '../item/attributeMap.js';
import { setAttribute, typeOf } from '../item/attributeMap.js';
import type { KeySchema } from '../item/keySchema.js';
import { attributesSize } from './attributeSize.js';
import { validationException } from './dynamoDbErrors.js';
import { ItemStore } from './itemStore.js';
import { compareUtf8 } from './keyOrder.js';
import { type ItemKey, keyOfItem } from './tableItemKey.js';

/** Which attributes an index copies: all, only the keys, or the keys and some others. */
export type IndexProjection =
  | { readonly type: 'ALL' }
  | { readonly type: 'KEYS_ONLY' }
  | { readonly type: 'INCLUDE'; readonly nonKeyAttributes: readonly string[] };

/** A global or local secondary index: its name, key schema and projection. */
export interface SecondaryIndexOptions extends KeySchema {
  readonly indexName: string;
  /** A local index shares the table's partition key; a global one has its own. */
  readonly kind: 'global' | 'local';
  /** Default `ALL`. */
  readonly projection?: IndexProjection;
}

/**
 * One secondary index, kept in step with the table's items: an item is in the index when it has
 * both index key attributes (sparse index), as its projection. Entries are ordered by index key,
 * then by table key, and keyed by both, as DynamoDB's `LastEvaluatedKey` for an index holds both.
 */
export class SecondaryIndex {
  readonly indexName: string;
  readonly kind: 'global' | 'local';
  readonly keySchema: KeySchema;
  readonly projection: IndexProjection;
  /** The index entries, queried and scanned like a table's items. */
  readonly store: ItemStore;
  private readonly entryOf = new Map<string, ItemKey>();
  private readonly projected: ReadonlySet<string> | undefined;

  constructor(
    options: SecondaryIndexOptions,
    private readonly tableSchema: KeySchema,
  ) {
    this.indexName = options.indexName;
    this.kind = options.kind;
    this.keySchema = options.sortKey
      ? { partitionKey: options.partitionKey, sortKey: options.sortKey }
      : { partitionKey: options.partitionKey };
    this.projection = options.projection ?? { type: 'ALL' };
    this.store = new ItemStore(this.keySchema, (a, b) => compareUtf8(a.id, b.id));
    const keyNames = [tableSchema.partitionKey, tableSchema.sortKey, ...this.keyAttributes()];
    this.projected =
      this.projection.type === 'ALL'
        ? undefined
        : new Set([
            ...keyNames.flatMap((k) => (k ? [k.name] : [])),
            ...(this.projection.type === 'INCLUDE' ? this.projection.nonKeyAttributes : []),
          ]);
  }

  /** Refuses an item whose index key attributes have the wrong type or are empty, as DynamoDB does. */
  check(item: AttributeMap): void {
    for (const attribute of this.keyAttributes()) {
      const value = item[attribute.name];
      if (value === undefined) continue;
      const type = typeOf(value);
      if (type !== attribute.type) {
        throw validationException(
          // DynamoDB Local's wording; AWS adds the key, the types and the index name.
          'One or more parameter values were invalid: Type mismatch for Index Key',
        );
      }
      if ((type === 'S' && value.S === '') || (type === 'B' && value.B?.byteLength === 0)) {
        throw validationException(
          `One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty ${type === 'S' ? 'string' : 'binary'} value. IndexName: ${this.indexName}, IndexKey: ${attribute.name}`,
        );
      }
    }
  }

  /** Moves the table item `tableKey` to its new entry (or out of the index when `next` is absent). */
  apply(tableKey: ItemKey, next: AttributeMap | undefined): void {
    const previous = this.entryOf.get(tableKey.id);
    if (previous !== undefined) {
      this.store.delete(previous.id);
      this.entryOf.delete(tableKey.id);
    }
    if (next === undefined || !this.covers(next)) return;
    const entry = this.entryKey(next, tableKey);
    const item = this.project(next);
    this.store.set(entry, item, attributesSize(item));
    this.entryOf.set(tableKey.id, entry);
  }

  /** The entry key of an `ExclusiveStartKey` given for this index (index and table key attributes). */
  entryKeyOf(startKey: AttributeMap): ItemKey {
    if (!this.covers(startKey)) {
      throw validationException(
        'The provided starting key is invalid: The provided key element does not match the schema',
      );
    }
    return this.entryKey(startKey, keyOfItem(this.tableSchema, startKey));
  }

  private keyAttributes() {
    const { partitionKey, sortKey } = this.keySchema;
    return sortKey ? [partitionKey, sortKey] : [partitionKey];
  }

  private covers(item: AttributeMap): boolean {
    return this.keyAttributes().every((a) => item[a.name] !== undefined);
  }

  private entryKey(item: AttributeMap, tableKey: ItemKey): ItemKey {
    const indexKey = keyOfItem(this.keySchema, item);
    return {
      id: `${indexKey.id.length}:${indexKey.id}${tableKey.id}`,
      partitionId: indexKey.partitionId,
      hash: indexKey.hash,
      keys: Object.freeze({ ...tableKey.keys, ...indexKey.keys }),
      keysSize: tableKey.keysSize + indexKey.keysSize,
      sortValue: indexKey.sortValue,
    };
  }

  private project(item: AttributeMap): AttributeMap {
    const names = this.projected;
    if (names === undefined) return item;
    const out: Record<string, AttributeValue> = {};
    for (const name of Object.keys(item))
      if (names.has(name)) setAttribute(out, name, item[name] as AttributeValue);
    return Object.freeze(out);
  }
}
