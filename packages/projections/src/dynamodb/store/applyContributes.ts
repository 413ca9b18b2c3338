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
import { putMarkers, type Sent } from './putMarkers.js';
import { markerKey, readMarkers } from './readMarkers.js';
import { type StaleEntry, touchStaleGroups } from './touchStaleGroups.js';
import { transactionActions } from './transactionActions.js';

const indicesOf = (transactions: readonly PlannedTransaction[]): number[] =>
  transactions.flatMap((tx) => tx.steps.map((step: Step) => step.entry.index));

// One transaction: its markers and group deltas at once, or (a marker moved) none of them.
const transact = async (context: StoreContext, tx: PlannedTransaction): Promise<Sent> => {
  const tableName = context.tableName(tx.steps[0]?.entry.write.table ?? 'groups');
  const outcome = await transactWrite(
    context.client,
    context.policy,
    tableName,
    transactionActions(tx, context.tableName),
  );
  if (E.isLeft(outcome))
    return { written: 0, lost: [], unconfirmed: tx.steps, cause: outcome.left };
  return outcome.right === 'applied'
    ? { written: tx.steps.length, lost: [], unconfirmed: [], cause: undefined }
    : { written: 0, lost: tx.steps, unconfirmed: [], cause: undefined };
};

/**
 * Applies `Contribute` writes: read the markers, give those they show as applied only the group
 * rows they name (`touchStaleGroups`), and write the rest in transactions that move each marker
 * (conditioned on the value read) together with its group deltas; a step that moves only its
 * marker is a conditional put of its own (`putMarkers`). A write refused by a marker condition
 * means another writer got there first: it is re-read and re-planned, never blindly resent, so
 * nothing counts twice.
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
    const markersOnly = steps.filter((step) => step.groups.size === 0);
    const transactions = packTransactions(steps.filter((step) => step.groups.size > 0));
    // A unit without groups holds steps that move only their marker: sent as plain puts.
    return E.right(
      markersOnly.length === 0
        ? transactions
        : [{ steps: markersOnly, groups: new Map() }, ...transactions],
    );
  };

  const first = await plan(entries);
  if (E.isLeft(first))
    return failed(
      entries.map((entry) => entry.index),
      first.left,
    );
  const queue = [...first.right];
  for (let tx = queue.shift(); tx !== undefined; tx = queue.shift()) {
    const sent =
      tx.groups.size === 0 ? await putMarkers(context, tx.steps) : await transact(context, tx);
    written += sent.written;
    const rest = indicesOf(queue);
    if (sent.cause !== undefined)
      return failed([...sent.unconfirmed.map((step) => step.entry.index), ...rest], sent.cause);
    if (sent.lost.length === 0) continue;
    const lost = sent.lost.map((step) => step.entry);
    contended += 1;
    if (contended >= context.policy.maxAttempts)
      return failed(
        [...lost.map((entry) => entry.index), ...rest],
        retriesExhausted('TransactWriteItems', context.tableName(lost[0]!.write.table), contended, {
          name: 'ConditionalCheckFailed',
          message: 'markers kept moving under concurrent writers',
        }),
      );
    await context.policy.sleep(backoffDelay(context.policy, contended - 1));
    const again = await plan(lost);
    if (E.isLeft(again)) return failed([...lost.map((entry) => entry.index), ...rest], again.left);
    queue.unshift(...again.right);
  }
  return { written, unchanged, unconfirmed: [], cause: undefined };
};
