import * as E from 'fp-ts/lib/Either.js';
import { rowId } from '../../plan/rowId.js';
import type { DeleteIfNewer, PutIfNewer } from '../../plan/write.js';
import type { DynamoDbError } from '../../retry/dynamoDbError.js';
import { conditionalDelete } from '../io/conditionalDelete.js';
import { conditionalPut, type PutOutcome } from '../io/conditionalPut.js';
import { eachWithLimit } from '../io/eachWithLimit.js';
import { transactWrite } from '../io/transactWrite.js';
import type { StoreContext } from './dynamoDbStoreOptions.js';
import {
  deleteRowInput,
  guardedPutActions,
  putRowInput,
  putTombstoneInput,
} from './ifNewerRequests.js';
import { noProgress, type Progress } from './progress.js';

/** A `PutIfNewer` or `DeleteIfNewer` write with its index in the planned batch. */
export interface IfNewerEntry {
  readonly index: number;
  readonly write: PutIfNewer | DeleteIfNewer;
}

const applyPut = async (
  context: StoreContext,
  write: PutIfNewer,
): Promise<E.Either<DynamoDbError, PutOutcome>> => {
  const { client, policy, tableName } = context;
  if (write.tombstones === undefined)
    return conditionalPut(client, policy, putRowInput(write, tableName));
  const outcome = await transactWrite(
    client,
    policy,
    tableName(write.table),
    guardedPutActions({ ...write, tombstones: write.tombstones }, tableName),
  );
  return E.map((o) => (o === 'applied' ? 'written' : 'skipped') as PutOutcome)(outcome);
};

// Tombstone first: a crash after it leaves the row, and the retry finds the tombstone (its put
// then skips) and deletes the row. The other order could lose the tombstone for good.
const applyDelete = async (
  context: StoreContext,
  write: DeleteIfNewer,
): Promise<E.Either<DynamoDbError, PutOutcome>> => {
  const { client, policy, tableName } = context;
  const tombstone = await conditionalPut(client, policy, putTombstoneInput(write, tableName));
  if (E.isLeft(tombstone)) return tombstone;
  const row = await conditionalDelete(client, policy, deleteRowInput(write, tableName));
  if (E.isLeft(row)) return row;
  return E.right(tombstone.right === 'written' || row.right === 'written' ? 'written' : 'skipped');
};

/** Positions of `entries` grouped by row, each group in planned order. */
const byRow = (entries: readonly IfNewerEntry[]): number[][] => {
  const groups = new Map<string, number[]>();
  entries.forEach(({ write }, position) => {
    const id = rowId(write.table, write.key);
    const group = groups.get(id);
    if (group === undefined) groups.set(id, [position]);
    else group.push(position);
  });
  return [...groups.values()];
};

/**
 * Applies `PutIfNewer` (a conditional PutItem, or with `tombstones` a TransactWriteItems of the
 * put and a tombstone check) and `DeleteIfNewer` (conditional tombstone put, then conditional
 * delete) writes. Rows proceed concurrently; the writes of one row go in planned order, and
 * stop at the first that fails. A failed condition is an earlier replay, a newer write or
 * another owner's row, counted as already applied.
 */
export const applyIfNewer = async (
  context: StoreContext,
  entries: readonly IfNewerEntry[],
): Promise<Progress> => {
  if (entries.length === 0) return noProgress;
  const outcomes: Array<PutOutcome | undefined> = new Array(entries.length).fill(undefined);
  let cause: Progress['cause'];
  await eachWithLimit(byRow(entries), context.concurrency, async (group) => {
    for (const position of group) {
      const { write } = entries[position]!;
      const outcome =
        write._tag === 'PutIfNewer'
          ? await applyPut(context, write)
          : await applyDelete(context, write);
      if (E.isLeft(outcome)) {
        cause ??= outcome.left;
        return outcome;
      }
      outcomes[position] = outcome.right;
    }
    return E.right(undefined);
  });
  let written = 0;
  let unchanged = 0;
  const unconfirmed: number[] = [];
  outcomes.forEach((outcome, position) => {
    if (outcome === undefined) unconfirmed.push(entries[position]!.index);
    else if (outcome === 'written') written += 1;
    else unchanged += 1;
  });
  return { written, unchanged, unconfirmed, cause };
};
