import type { InMemoryProjectionStore } from '@sluice/projections';
import type { ProjectionHandler } from '@sluice/projections/lambda';
import type { SeededRandom } from '@sluice/testing';
import type { DeliveryStats } from '../run/demoRun.js';

/**
 * Wraps a handler so that, now and then, its store crashes part-way through a batch (the function
 * dies: Lambda bisects and retries) or fails a write for good (the handler reports the first
 * record not applied: Lambda retries from there). Never twice in a row, so every batch gets through.
 * Not `@sluice/testing`'s `withStoreFaults` (the `given()` specs' faults): this one counts crashes
 * and refused writes apart for the summary and draws from the demo's one seeded stream, shared by
 * every example; the testing one counts armed faults and seeds its own, so the output would change.
 */
export const withStoreFaults = (
  handler: ProjectionHandler,
  store: InMemoryProjectionStore,
  random: SeededRandom,
  rate: number,
  stats: DeliveryStats,
): ProjectionHandler => {
  let faultedLast = false;
  const faulty = async (...args: Parameters<ProjectionHandler>) => {
    const arm = !faultedLast && random.chance(rate);
    const kind = random.chance(0.5) ? 'crash' : 'fail';
    if (arm) store.failAfter(random.int(0, 3), kind);
    faultedLast = false;
    try {
      const response = await handler(...args);
      if (arm && response.batchItemFailures.length > 0) {
        stats.storeFailures++;
        faultedLast = true;
      }
      return response;
    } catch (error) {
      if (arm) {
        stats.storeCrashes++;
        faultedLast = true;
      }
      throw error;
    } finally {
      store.clearFault();
    }
  };
  return Object.assign(faulty, {
    filterCriteria: handler.filterCriteria,
    recommendedEventSourceMapping: handler.recommendedEventSourceMapping,
  });
};
