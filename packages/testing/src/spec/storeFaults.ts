import type { StreamHandler } from '@sluice/offline';
import { seededRandom } from '@sluice/offline';
import type { InMemoryProjectionStore } from '@sluice/projections';
import type { ProjectionHandler } from '@sluice/projections/lambda';

// `true`: the first invocation is armed for sure, later ones with this probability.
const RECURRENCE = 0.25;
// Up to this many writes land before the fault fires: enough to split most batches' writes.
const MAX_WRITES_BEFORE = 6;

/** How many invocations ran with a store fault armed (it fires if the batch writes far enough). */
export interface StoreFaultCount {
  armed: number;
}

/**
 * Wraps the handler so that, with the given probability per invocation, the store crashes or
 * fails after a seeded number of writes (`true`: on the first invocation, then with probability
 * 0.25). Never on two invocations in a row: a retry goes through.
 */
export const withStoreFaults = (
  handler: ProjectionHandler,
  store: InMemoryProjectionStore,
  probability: boolean | number | undefined,
  seed: number,
  count: StoreFaultCount,
): StreamHandler => {
  const p = probability === true ? RECURRENCE : Math.min(Number(probability) || 0, 1);
  if (p <= 0) return handler;
  let owed = probability === true;
  // Its own stream of numbers, so store faults do not shift the driver's schedule.
  const random = seededRandom(seed ^ 0x5bd1e995);
  let faultedLast = false;
  return async (event, context) => {
    faultedLast = !faultedLast && (owed || random.chance(p));
    owed = false;
    if (!faultedLast) return handler(event, context);
    count.armed++;
    // With batches in flight at once it may fire in another lane's batch: a crash all the same.
    store.failAfter(random.int(0, MAX_WRITES_BEFORE), random.chance(0.5) ? 'crash' : 'fail');
    try {
      return await handler(event, context);
    } finally {
      store.clearFault();
    }
  };
};
