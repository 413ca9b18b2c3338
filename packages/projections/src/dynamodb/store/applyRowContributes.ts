import * as E from 'fp-ts/lib/Either.js';
import { rowId } from '../../plan/rowId.js';
import { retriesExhausted } from '../../retry/dynamoDbError.js';
import { backoffDelay } from '../../retry/retryPolicy.js';
import { groupByRow } from '../../store/groupByRow.js';
import type { StoreError } from '../../store/storeError.js';
import { eachWithLimit } from '../io/eachWithLimit.js';
import type { ContributeEntry } from './contributionPlan.js';
import type { StoreContext } from './dynamoDbStoreOptions.js';
import { noProgress, type Progress } from './progress.js';
import { readGroupRows } from './readGroupRows.js';
import { type RowWork, updateGroupRow } from './updateGroupRow.js';

const rowWork = (entries: readonly ContributeEntry[]): RowWork[] =>
  groupByRow(entries.map((entry) => entry.write)).map((group) => ({
    group,
    entries: group.positions.map((position) => entries[position]!),
  }));

/**
 * Applies `Contribute` writes whose markers live in their group rows (`markerRow`): read those
 * rows strongly consistent (BatchGetItem), plan each by `planRowGroup`, and send one conditional
 * UpdateItem per row that has anything to apply (markers SET, amounts ADDed, expired markers
 * REMOVEd), no transaction. A row whose update found a marker moved is read and planned again,
 * up to the policy's attempts, so nothing counts twice. `origins` traces a refused write to its record.
 */
export const applyRowContributes = async (
  context: StoreContext,
  entries: readonly ContributeEntry[],
  origins: readonly number[] = [],
): Promise<Progress> => {
  if (entries.length === 0) return noProgress;
  let written = 0;
  let unchanged = 0;
  const unconfirmed: number[] = [];
  let cause: StoreError | undefined;
  let pending: readonly ContributeEntry[] = entries;
  for (let round = 0; pending.length > 0; round++) {
    if (round > 0) {
      if (round >= context.policy.maxAttempts) {
        const tableName = context.tableName(pending[0]!.write.table);
        cause ??= retriesExhausted('UpdateItem', tableName, round, {
          name: 'ConditionalCheckFailed',
          message: 'markers kept moving under concurrent writers',
        });
        unconfirmed.push(...pending.map((entry) => entry.index));
        break;
      }
      await context.policy.sleep(backoffDelay(context.policy, round - 1));
    }
    const work = rowWork(pending);
    const rows = await readGroupRows(
      context,
      work.map(({ group }) => group),
    );
    if (E.isLeft(rows)) {
      unconfirmed.push(...pending.map((entry) => entry.index));
      cause ??= rows.left;
      break;
    }
    const outcomes = await eachWithLimit(work, context.concurrency, (row) =>
      updateGroupRow(context, row, rows.right.get(rowId(row.group.table, row.group.key)), origins),
    );
    const contended: ContributeEntry[] = [];
    let failed = false;
    outcomes.forEach((outcome, i) => {
      if (outcome === undefined) {
        unconfirmed.push(...work[i]!.entries.map((entry) => entry.index));
      } else if (E.isLeft(outcome)) {
        unconfirmed.push(...outcome.left.unconfirmed);
        cause ??= outcome.left.cause;
        failed = true;
      } else {
        written += outcome.right.written;
        unchanged += outcome.right.unchanged;
        contended.push(...outcome.right.contended);
        unconfirmed.push(...(outcome.right.refused?.unconfirmed ?? []));
        cause ??= outcome.right.refused?.cause;
      }
    });
    // A request that failed for good stops the store: the contended rows wait for the retry.
    if (failed) {
      unconfirmed.push(...contended.map((entry) => entry.index));
      break;
    }
    pending = contended;
  }
  return { written, unchanged, unconfirmed, cause };
};
