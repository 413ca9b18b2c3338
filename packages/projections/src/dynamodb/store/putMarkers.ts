import * as E from 'fp-ts/lib/Either.js';
import type { StoreError } from '../../store/storeError.js';
import { conditionalPut } from '../io/conditionalPut.js';
import { eachWithLimit } from '../io/eachWithLimit.js';
import type { Step } from './contributionPlan.js';
import type { StoreContext } from './dynamoDbStoreOptions.js';
import { markerPut } from './transactionActions.js';

/** What sending some steps came to. */
export interface Sent {
  readonly written: number;
  /** Steps whose marker moved since it was read: re-read and re-plan them. */
  readonly lost: readonly Step[];
  /** On failure, the steps not confirmed (every other one is applied). */
  readonly unconfirmed: readonly Step[];
  readonly cause: StoreError | undefined;
}

/**
 * Writes the markers of steps that move only their marker (no group delta) each with one
 * conditional PutItem, outside any transaction: 1 write unit instead of the 2 a transaction
 * bills. The put is the whole effect of its step, so it needs no partner to be atomic with, and
 * its condition (the marker as read) refuses it after any other writer, as the transaction would.
 */
export const putMarkers = async (context: StoreContext, steps: readonly Step[]): Promise<Sent> => {
  const outcomes = await eachWithLimit(steps, context.concurrency, (step) =>
    conditionalPut(
      context.client,
      context.policy,
      markerPut(step, context.tableName(step.entry.write.markerTable)),
    ),
  );
  let written = 0;
  const lost: Step[] = [];
  const unconfirmed: Step[] = [];
  let cause: StoreError | undefined;
  outcomes.forEach((outcome, i) => {
    const step = steps[i]!;
    if (outcome !== undefined && E.isRight(outcome)) {
      if (outcome.right === 'written') written += 1;
      else lost.push(step);
      return;
    }
    unconfirmed.push(step);
    if (outcome !== undefined) cause ??= outcome.left;
  });
  // After a failure the lost steps are simply not confirmed: the caller's retry re-reads them.
  if (cause !== undefined)
    return { written, lost: [], unconfirmed: [...unconfirmed, ...lost], cause };
  return { written, lost, unconfirmed: [], cause };
};
