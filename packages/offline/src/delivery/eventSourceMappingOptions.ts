import type { FilterCriteria, FilterCriteriaJson } from '@sluice/core';
import type { OnFailureRecord } from './onFailureRecord.js';

/**
 * The event source mapping settings that change delivery, named exactly as in
 * `CreateEventSourceMapping` so a deployed configuration can be pasted in.
 */
export interface EventSourceMappingOptions {
  /** Records per batch, 1–10 000; default 100. */
  readonly BatchSize?: number;
  /**
   * Accepted so a deployed configuration pastes in; no effect: a drain batches every record it
   * can read, as a window long enough to fill each batch would.
   */
  readonly MaximumBatchingWindowInSeconds?: number;
  /** Where a new mapping starts on shards that exist when it is created; default TRIM_HORIZON. */
  readonly StartingPosition?: 'TRIM_HORIZON' | 'LATEST';
  /** Only matching records reach the handler; the others count as processed. */
  readonly FilterCriteria?: FilterCriteria | FilterCriteriaJson;
  /** `['ReportBatchItemFailures']` makes the handler's `batchItemFailures` count. */
  readonly FunctionResponseTypes?: readonly 'ReportBatchItemFailures'[];
  /** On a function error, split the batch in two and retry each half (this uses no retry). */
  readonly BisectBatchOnFunctionError?: boolean;
  /** Retries before a batch is discarded, 0–10 000, or -1 (default) for "until it expires". */
  readonly MaximumRetryAttempts?: number;
  /** Records older than this are discarded unsent, 60–604 800, or -1 (default): 24 h retention. */
  readonly MaximumRecordAgeInSeconds?: number;
  /** Concurrent batches per shard, 1–10, spread by item key so per-item order holds; default 1. */
  readonly ParallelizationFactor?: number;
  /** Only the ARN is used (it is echoed nowhere); discarded batches reach `onFailure` below. */
  readonly DestinationConfig?: { readonly OnFailure?: { readonly Destination?: string } };
}

/** Where discarded batches go: the on-failure destination, as a callback. */
export type OnFailureDestination = (record: OnFailureRecord) => void | Promise<void>;
