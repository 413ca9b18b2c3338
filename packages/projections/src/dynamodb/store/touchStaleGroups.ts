import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as E from 'fp-ts/lib/Either.js';
import type { RowKey } from '../../plan/row.js';
import { rowId } from '../../plan/rowId.js';
import { rowKeysEqual } from '../../plan/rowKeysEqual.js';
import { done, retrying } from '../../retry/retrying.js';
import { staleTouches } from '../../store/contributionDeltas.js';
import type { StoreError } from '../../store/storeError.js';
import { batchGetItems } from '../io/batchGetItems.js';
import { allOrFirstFailure, eachWithLimit } from '../io/eachWithLimit.js';
import type { ContributeEntry, GroupUpdate } from './contributionPlan.js';
import type { StoreContext } from './dynamoDbStoreOptions.js';
import type { Marker } from './marker.js';
import { groupUpdate } from './transactionActions.js';

/** A `Contribute` its marker already reflects, with that marker. */
export interface StaleEntry {
  readonly entry: ContributeEntry;
  readonly marker: Marker;
}

// The group rows the stale writes name, but for each marker's current group: that row was
// written with the marker, so a plain replay (the common stale write) needs no request at all.
const wantedGroups = (context: StoreContext, stale: readonly StaleEntry[]) => {
  const byTable = new Map<string, Map<string, GroupUpdate>>();
  for (const { entry, marker } of stale) {
    const table = context.tableName(entry.write.table);
    const current = marker.contribution?.group;
    for (const touch of staleTouches(entry.write)) {
      if (current !== undefined && rowKeysEqual(current, touch.group)) continue;
      const updates = byTable.get(table) ?? new Map<string, GroupUpdate>();
      byTable.set(table, updates);
      updates.set(rowId(table, touch.group), { table, key: touch.group, amounts: touch.amounts });
    }
  }
  return byTable;
};

const keyOf = (item: Readonly<Record<string, unknown>>, names: readonly string[]): RowKey =>
  Object.fromEntries(names.map((name) => [name, item[name]])) as RowKey;

// Groups of `table` that have no row yet: one read per 100 groups, half the price of a write.
const missingGroups = async (
  context: StoreContext,
  table: string,
  updates: ReadonlyMap<string, GroupUpdate>,
): Promise<E.Either<StoreError, GroupUpdate[]>> => {
  const keys = [...updates.values()].map((update) => update.key);
  const keyAttributes = Object.keys(keys[0]!);
  const read = await batchGetItems(
    { ...context, tableName: table, keyAttributes },
    keys.map((key) => ({ ...key })),
  );
  if (E.isLeft(read)) return read;
  const found = new Set(read.right.map((item) => rowId(table, keyOf(item, keyAttributes))));
  return E.right([...updates].filter(([id]) => !found.has(id)).map(([, update]) => update));
};

/**
 * Gives the stale writes what a clean pass would have left: the rows of the groups they name,
 * created with zero amounts where missing (`staleTouches`). No condition and no transaction:
 * `ADD 0` changes no count and commutes with every other update, so a retry, a crash midway or
 * a racing writer cannot make it wrong. Only groups found missing cost a write. Returns how many
 * rows it created.
 */
export const touchStaleGroups = async (
  context: StoreContext,
  stale: readonly StaleEntry[],
): Promise<E.Either<StoreError, number>> => {
  const missing: GroupUpdate[] = [];
  for (const [table, updates] of wantedGroups(context, stale)) {
    const found = await missingGroups(context, table, updates);
    if (E.isLeft(found)) return found;
    missing.push(...found.right);
  }
  const outcomes = await eachWithLimit(missing, context.concurrency, (update) =>
    retrying(context.policy, 'UpdateItem', update.table, async () => {
      await context.client.send(new UpdateCommand(groupUpdate(update)));
      return done(undefined);
    }),
  );
  return E.map(() => missing.length)(allOrFirstFailure(outcomes));
};
