import type { DeliveryFaults, EventSourceMappingOptions } from '@sluice/offline';

/** How the delivery driver feeds the changes to the projections' Lambda handler. */
export interface DeliveryPlan {
  /** Over the handler's recommended mapping (`BatchSize`, `ParallelizationFactor`, bisect, …). */
  readonly mapping?: EventSourceMappingOptions;
  /** The driver's seeded faults: duplicated batches, lost responses, regrouped retries, interleaving. */
  readonly faults?: DeliveryFaults;
  /**
   * Probability per invocation that the store dies (throws) or fails partway through the batch,
   * after a seeded number of writes, so a retry finds some of its writes already landed.
   * `true` means it happens: the first invocation is armed, later ones with probability 0.25.
   * Never two invocations in a row, so every batch gets through.
   */
  readonly storeFaults?: boolean | number;
}

/**
 * `clean`: one delivery of each batch, as on a good day. `duplicated`: every successful batch is
 * delivered twice. `faulty`: `faultyDeliveries(1)`. Or a plan of your own.
 */
export type Deliveries = 'clean' | 'duplicated' | 'faulty' | DeliveryPlan;

/**
 * Every fault at once, from one seed, often enough that even a handful of changes meets several:
 * batches of two, regrouped on retry, bisected; two lanes per shard and two batches in flight;
 * interleaved shards; duplicated batches, lost responses and store crashes, each with probability
 * one half (never more than a few in a row, so everything gets through). Pair it with fast-check
 * (`fc.nat().map(faultyDeliveries)`) to search for a schedule that breaks.
 */
export const faultyDeliveries = (seed = 1): DeliveryPlan => ({
  mapping: { BatchSize: 2, BisectBatchOnFunctionError: true, ParallelizationFactor: 2 },
  faults: {
    seed,
    duplicateBatch: 0.5,
    loseResponse: 0.5,
    regroupRetries: 0.5,
    interleaveShards: true,
    concurrentBatches: 2,
  },
  storeFaults: 0.5,
});

/** The plan a `Deliveries` value stands for. */
export const deliveryPlan = (deliveries: Deliveries): DeliveryPlan => {
  if (deliveries === 'clean') return {};
  if (deliveries === 'duplicated') return { faults: { duplicateBatch: 1, maxFaultsInARow: 1 } };
  if (deliveries === 'faulty') return faultyDeliveries();
  // A misspelt preset from plain JS would otherwise pass as a plan without faults.
  if (typeof deliveries !== 'object' || deliveries === null)
    throw new RangeError(
      `deliveries must be 'clean', 'duplicated', 'faulty' or a plan, got ${JSON.stringify(deliveries)}`,
    );
  return deliveries;
};

/** The run's settings in one line, so a failure message says how to replay it. */
export const describeDeliveries = (
  deliveries: Deliveries,
  times: number,
  poison: 'skip' | 'block' | undefined,
): string =>
  [
    `deliveries: ${typeof deliveries === 'string' ? deliveries : JSON.stringify(deliveries)}`,
    times === 1 ? undefined : `times: ${times}`,
    poison === undefined ? undefined : `poison: ${poison}`,
  ]
    .filter((part) => part !== undefined)
    .join(', ');
