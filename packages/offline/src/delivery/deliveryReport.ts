import type { CountedFault } from './deliveryFaults.js';
import type { InvocationOutcome } from './invocationOutcome.js';
import type { OnFailureRecord } from './onFailureRecord.js';

/** One invocation of the handler, as the driver logged it. */
export interface DeliveredBatch {
  readonly shardId: string;
  /** Which of the shard's `ParallelizationFactor` lanes ran it. */
  readonly lane: number;
  readonly requestId: string;
  readonly sequenceNumbers: readonly string[];
  /** Failed invocations of these records before this one (0 on the first try). */
  readonly retry: number;
  readonly outcome: InvocationOutcome;
  /** Set when an injected fault shaped this invocation. */
  readonly fault?: 'duplicate' | 'responseLost' | 'regrouped';
}

/** What one `drain()` did: invocations, retries, discards and the faults it injected. */
export interface DeliveryReport {
  readonly invocations: number;
  readonly batches: readonly DeliveredBatch[];
  /** Invocations that redelivered records after a failure (bisected halves included). */
  readonly retries: number;
  readonly bisections: number;
  readonly recordsRead: number;
  readonly recordsFilteredOut: number;
  /** Records acknowledged by a successful (or partially successful) invocation. */
  readonly recordsSucceeded: number;
  readonly recordsDiscarded: number;
  /** What the on-failure destination received, in order. */
  readonly onFailure: readonly OnFailureRecord[];
  /** Reads that found their position or shard trimmed (24-hour retention): records lost unseen. */
  readonly trimmedReads: number;
  readonly faults: {
    readonly duplicatedBatches: number;
    readonly lostResponses: number;
    readonly regroupedRetries: number;
    /**
     * Faults asked for with `true` that this drain had no opportunity to inject (e.g.
     * `regroupRetries` when no batch was retried): empty when every promised fault happened.
     */
    readonly notInjected: readonly CountedFault[];
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The report while a drain builds it. */
export interface ReportInProgress
  extends Mutable<Omit<DeliveryReport, 'batches' | 'onFailure' | 'faults'>> {
  batches: DeliveredBatch[];
  onFailure: OnFailureRecord[];
  faults: {
    duplicatedBatches: number;
    lostResponses: number;
    regroupedRetries: number;
    notInjected: CountedFault[];
  };
}

/** An empty report. */
export const emptyReport = (): ReportInProgress => ({
  invocations: 0,
  batches: [],
  retries: 0,
  bisections: 0,
  recordsRead: 0,
  recordsFilteredOut: 0,
  recordsSucceeded: 0,
  recordsDiscarded: 0,
  onFailure: [],
  trimmedReads: 0,
  faults: { duplicatedBatches: 0, lostResponses: 0, regroupedRetries: 0, notInjected: [] },
});
