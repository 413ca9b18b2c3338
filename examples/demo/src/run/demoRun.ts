import type { StreamRecordInput } from '@sluice/core';
import type { DeadLetter, Row } from '@sluice/projections';
import type { PlainItem } from '../workload/operation.js';
import type { WorkloadStats } from '../workload/workloadStats.js';

/** A source table at the end of a run: its stream's records and its items. */
export interface SourceSnapshot {
  readonly records: readonly StreamRecordInput[];
  readonly items: readonly PlainItem[];
}

/** How the records reached the projections, counted over the whole run. */
export interface DeliveryStats {
  /** Handler invocations (Lambda) or batches (poller). */
  invocations: number;
  /** Records handed to a handler, redeliveries included. */
  recordsDelivered: number;
  recordsFilteredOut: number;
  /** Records Lambda gave up on (should stay 0: retries last until the record expires). */
  recordsDiscarded: number;
  retries: number;
  bisections: number;
  duplicatedBatches: number;
  lostResponses: number;
  regroupedRetries: number;
  /** Store faults that fired: the function died mid-batch, or a write failed after the store's retries. */
  storeCrashes: number;
  storeFailures: number;
}

/** All zeros. */
export const emptyDeliveryStats = (): DeliveryStats => ({
  invocations: 0,
  recordsDelivered: 0,
  recordsFilteredOut: 0,
  recordsDiscarded: 0,
  retries: 0,
  bisections: 0,
  duplicatedBatches: 0,
  lostResponses: 0,
  regroupedRetries: 0,
  storeCrashes: 0,
  storeFailures: 0,
});

/** Everything a finished run leaves for the report and the check, whichever engine ran it. */
export interface DemoRun {
  readonly engine: 'in memory' | 'DynamoDB Local';
  /** Wall time from the first write to the last projection write. */
  readonly elapsedMs: number;
  readonly workload: WorkloadStats;
  readonly sources: { readonly orders: SourceSnapshot; readonly todoListTask: SourceSnapshot };
  /** Every projection table, by name. */
  readonly tables: Readonly<Record<string, readonly Row[]>>;
  readonly deadLetters: readonly DeadLetter[];
  readonly delivery: DeliveryStats;
  /** Store writes (in memory) or DynamoDB requests (DynamoDB Local). */
  readonly writes: number;
  readonly writesUnit: string;
  /** The Order History API on this engine: all changes of one order, oldest first. */
  readonly historyOf: (orderId: string) => Promise<readonly Row[]>;
  /** What the engine could not do, said plainly in the report (e.g. DynamoDB Local has no TTL). */
  readonly notes: readonly string[];
  /** Releases what the engine holds (DynamoDB Local, pollers); call once the report is printed. */
  readonly close: () => Promise<void>;
}
