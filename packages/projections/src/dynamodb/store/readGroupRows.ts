import * as E from 'fp-ts/lib/Either.js';
import type { Row, RowKey } from '../../plan/row.js';
import { rowId } from '../../plan/rowId.js';
import type { RowGroupWrites } from '../../store/groupByRow.js';
import type { StoreError } from '../../store/storeError.js';
import { batchGetItems } from '../io/batchGetItems.js';
import type { StoreContext } from './dynamoDbStoreOptions.js';

const keyOf = (item: Row, keyAttributes: readonly string[]): RowKey => {
  const key: Record<string, RowKey[string]> = {};
  for (const name of keyAttributes) key[name] = item[name] as RowKey[string];
  return key;
};

/**
 * Reads, strongly consistent (they guard the writes), the group rows holding the markers of
 * `groups`, with BatchGetItem; keyed by `rowId` of the logical table and key, missing rows absent.
 */
export const readGroupRows = async (
  context: StoreContext,
  groups: readonly RowGroupWrites[],
): Promise<E.Either<StoreError, ReadonlyMap<string, Row>>> => {
  const byTable = new Map<string, RowKey[]>();
  for (const { table, key } of groups) byTable.set(table, [...(byTable.get(table) ?? []), key]);
  const rows = new Map<string, Row>();
  for (const [table, keys] of byTable) {
    // The rows of one table share its key schema: the attribute names of any group key.
    const keyAttributes = Object.keys(keys[0]!);
    const read = await batchGetItems(
      {
        client: context.client,
        policy: context.policy,
        tableName: context.tableName(table),
        keyAttributes,
        concurrency: context.concurrency,
      },
      keys,
    );
    if (E.isLeft(read)) return read;
    for (const item of read.right) rows.set(rowId(table, keyOf(item, keyAttributes)), item);
  }
  return E.right(rows);
};
