import { type AttributeMap, type AttributeValue, memberOf } from '../item/attributeMap.js';
import type { KeySchema } from '../item/keySchema.js';
import { admitAttributes, admitValue } from './admitValue.js';
import { validationException } from './dynamoDbErrors.js';
import { collectPage, firstIndexWhere, type ItemPage } from './itemPage.js';
import type { ItemStore, Slot } from './itemStore.js';
import { compareKeyValues } from './keyOrder.js';
import { type ItemKey, keyOfItem, keyOfKey } from './tableItemKey.js';

/** A key condition on the sort key, as in `KeyConditionExpression`. */
export type SortKeyCondition<V = AttributeValue> =
  | { readonly type: '=' | '<' | '<=' | '>' | '>='; readonly value: V }
  | { readonly type: 'between'; readonly low: V; readonly high: V }
  | { readonly type: 'beginsWith'; readonly prefix: V };

/** A Query: one partition, optionally narrowed on the sort key, paged. */
export interface QueryInput<V = AttributeValue> {
  readonly partitionKey: V;
  readonly sortKey?: SortKeyCondition<V>;
  /** Ascending sort-key order (default) or descending. */
  readonly scanIndexForward?: boolean;
  readonly limit?: number;
  readonly exclusiveStartKey?: Readonly<Record<string, V>>;
}

const canonical = (value: unknown): AttributeValue => admitValue(value, { size: 0 });

const bytesStartWith = (bytes: Uint8Array, prefix: Uint8Array): boolean =>
  prefix.byteLength <= bytes.byteLength && prefix.every((b, i) => bytes[i] === b);

const sortKeyTest = (
  schema: KeySchema,
  condition: SortKeyCondition,
): ((value: AttributeValue) => boolean) => {
  const sortKey = schema.sortKey;
  if (sortKey === undefined)
    throw validationException('Query key condition not supported: the table has no sort key');
  const typed = (value: unknown): AttributeValue => {
    const admitted = canonical(value);
    if (memberOf(admitted, sortKey.type) === undefined) {
      throw validationException(
        'One or more parameter values were invalid: Condition parameter type does not match schema type',
      );
    }
    return admitted;
  };
  const compare = (a: AttributeValue, b: AttributeValue) => compareKeyValues(sortKey.type, a, b);
  switch (condition.type) {
    case '=': {
      const v = typed(condition.value);
      return (x) => compare(x, v) === 0;
    }
    case '<': {
      const v = typed(condition.value);
      return (x) => compare(x, v) < 0;
    }
    case '<=': {
      const v = typed(condition.value);
      return (x) => compare(x, v) <= 0;
    }
    case '>': {
      const v = typed(condition.value);
      return (x) => compare(x, v) > 0;
    }
    case '>=': {
      const v = typed(condition.value);
      return (x) => compare(x, v) >= 0;
    }
    case 'between': {
      const low = typed(condition.low);
      const high = typed(condition.high);
      if (compare(low, high) > 0) {
        throw validationException(
          'Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound',
        );
      }
      return (x) => compare(x, low) >= 0 && compare(x, high) <= 0;
    }
    case 'beginsWith': {
      if (sortKey.type === 'N')
        throw validationException(
          'Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N',
        );
      const prefix = typed(condition.prefix);
      return sortKey.type === 'S'
        ? (x) => (x.S as string).startsWith(prefix.S as string)
        : (x) => bytesStartWith(x.B as Uint8Array, prefix.B as Uint8Array);
    }
  }
};

/**
 * Runs a Query against the store, like DynamoDB: sort-key order, `limit`, 1 MB pages.
 * `startKeyOf` reads `exclusiveStartKey` (a secondary index's start key also holds the table key).
 */
export const queryItems = (
  store: ItemStore,
  schema: KeySchema,
  input: QueryInput,
  startKeyOf: (startKey: AttributeMap) => ItemKey = (startKey) => keyOfKey(schema, startKey),
): ItemPage => {
  const limit = input.limit ?? Number.POSITIVE_INFINITY;
  if (!(limit >= 1)) throw validationException('Limit must be greater than or equal to 1');
  const { partitionKey, sortKey } = schema;
  const probe: AttributeMap = { [partitionKey.name]: input.partitionKey };
  const partitionId = keyOfItem({ partitionKey }, admitAttributes(probe, { size: 0 })).partitionId;
  const slots = store.partition(partitionId);
  const forward = input.scanIndexForward ?? true;
  let start = forward ? 0 : slots.length - 1;
  if (input.exclusiveStartKey !== undefined) {
    const startKey = startKeyOf(admitAttributes(input.exclusiveStartKey, { size: 0 }));
    if (startKey.partitionId !== partitionId) {
      throw validationException(
        'The provided starting key is invalid: The provided key element does not match the schema',
      );
    }
    const after = firstIndexWhere(slots, (s) => store.compareSortKeys(s, { key: startKey }) > 0);
    start = forward
      ? after
      : firstIndexWhere(slots, (s) => store.compareSortKeys(s, { key: startKey }) >= 0) - 1;
  }
  const test = input.sortKey && sortKey ? sortKeyTest(schema, input.sortKey) : undefined;
  const accept = test ? (slot: Slot) => test(slot.key.sortValue as AttributeValue) : undefined;
  const page = collectPage(
    slots,
    start,
    forward ? slots.length : -1,
    forward ? 1 : -1,
    limit,
    accept,
  );
  if (page.lastEvaluatedKey === undefined || test === undefined || input.sortKey === undefined)
    return page;
  const bound = closingBound(input.sortKey, forward);
  const lastKey = startKeyOf(page.lastEvaluatedKey);
  if (bound === undefined || !sortKey) return page;
  if (compareKeyValues(sortKey.type, lastKey.sortValue as AttributeValue, canonical(bound)) !== 0)
    return page;
  // The page ended on the sort condition's closing bound: like DynamoDB Local, say the read is
  // complete, unless an index holds more entries under that same sort value.
  const next = forward
    ? firstIndexWhere(slots, (s) => store.compareSortKeys(s, { key: lastKey }) > 0)
    : firstIndexWhere(slots, (s) => store.compareSortKeys(s, { key: lastKey }) >= 0) - 1;
  const following = slots[next];
  if (following !== undefined && test(following.key.sortValue as AttributeValue)) return page;
  return { items: page.items };
};

/** The inclusive bound a sort condition closes on in the read direction, if it has one. */
const closingBound = (condition: SortKeyCondition, forward: boolean): unknown => {
  switch (condition.type) {
    case '=':
      return condition.value;
    case '<=':
      return forward ? condition.value : undefined;
    case '>=':
      return forward ? undefined : condition.value;
    case 'between':
      return forward ? condition.high : condition.low;
    default:
      return undefined;
  }
};
