import * as E from 'fp-ts/lib/Either.js';
import { retriesExhausted } from '../../retry/dynamoDbError.js';
import { backoffDelay } from '../../retry/retryPolicy.js';
import type { StoreError } from '../../store/storeError.js';
import { transactWrite } from '../io/transactWrite.js';
import {
  type ContributeEntry,
  type PlannedTransaction,
  packTransactions,
  type Step,
  stepOf,
} from './contributionPlan.js';
import type { StoreContext } from './dynamoDbStoreOptions.js';
import { noProgress, type Progress } from './progress.js';
import { markerKey, readMarkers } from './readMarkers.js';
import { type StaleEntry, touchStaleGroups } from './touchStaleGroups.js';
import { transactionActions } from './transactionActions.js';

const indicesOf = (transactions: readonly PlannedTransaction[]): number[] =>
  transactions.flatMap((tx) => tx.steps.map((step: Step) => step.entry.index));

/**
 * Applies `Contribute` writes: read the markers, give those they show as applied only the group
 * rows they name (`touchStaleGroups`), and write the rest in transactions that move each marker
 * (conditioned on the value read) together with its group deltas. A transaction cancelled by a marker condition means another writer got there
 * first: its writes are re-read and re-planned, never blindly resent, so nothing counts twice.
 */
export const applyContributes = async (
  context: StoreContext,
  entries: readonly ContributeEntry[],
): Promise<Progress> => {
  if (entries.length === 0) return noProgress;
  let written = 0;
  let unchanged = 0;
  let contended = 0;
  const failed = (unconfirmed: number[], cause: StoreError): Progress => ({
    written,
    unchanged,
    unconfirmed,
    cause,
  });
  const plan = async (
    batch: readonly ContributeEntry[],
  ): Promise<E.Either<StoreError, readonly PlannedTransaction[]>> => {
    const markers = await readMarkers(context, batch);
    if (E.isLeft(markers)) return markers;
    const steps: Step[] = [];
    const stale: StaleEntry[] = [];
    for (const entry of batch) {
      const marker = markers.right.get(markerKey(entry));
      const step = stepOf(entry, marker, context.tableName(entry.write.table));
      // Only a marker at or past the write makes it stale.
      if (step === undefined) stale.push({ entry, marker: marker! });
      else steps.push(step);
    }
    const touched = await touchStaleGroups(context, stale);
    if (E.isLeft(touched)) return touched;
    unchanged += stale.length;
    return E.right(packTransactions(steps));
  };

  const first = await plan(entries);
  if (E.isLeft(first))
    return failed(
      entries.map((entry) => entry.index),
      first.left,
    );
  const queue = [...first.right];
  for (let tx = queue.shift(); tx !== undefined; tx = queue.shift()) {
    const tableName = context.tableName(tx.steps[0]?.entry.write.table ?? 'groups');
    const outcome = await transactWrite(
      context.client,
      context.policy,
      tableName,
      transactionActions(tx, context.tableName),
    );
    if (E.isLeft(outcome)) return failed(indicesOf([tx, ...queue]), outcome.left);
    if (outcome.right === 'applied') {
      written += tx.steps.length;
      continue;
    }
    contended += 1;
    if (contended >= context.policy.maxAttempts)
      return failed(
        indicesOf([tx, ...queue]),
        retriesExhausted('TransactWriteItems', tableName, contended, {
          name: 'ConditionalCheckFailed',
          message: 'markers kept moving under concurrent writers',
        }),
      );
    await context.policy.sleep(backoffDelay(context.policy, contended - 1));
    const again = await plan(tx.steps.map((step) => step.entry));
    if (E.isLeft(again)) return failed(indicesOf([tx, ...queue]), again.left);
    queue.unshift(...again.right);
  }
  return { written, unchanged, unconfirmed: [], cause: undefined };
};
