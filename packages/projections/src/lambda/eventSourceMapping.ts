import type { FilterCriteriaJson } from '@sluice/core';

/** Stands in for the on-failure destination's ARN (an SQS queue or SNS topic) until a template fills it. */
export const ON_FAILURE_DESTINATION_PLACEHOLDER =
  '<on-failure destination ARN: SQS queue or SNS topic>';

/**
 * Event source mapping settings, named as in `CreateEventSourceMapping` and CloudFormation's
 * `AWS::Lambda::EventSourceMapping`, so a template can spread them in.
 */
export interface EventSourceMappingSettings {
  readonly BatchSize: number;
  readonly MaximumBatchingWindowInSeconds: number;
  readonly StartingPosition: 'TRIM_HORIZON' | 'LATEST';
  readonly BisectBatchOnFunctionError: boolean;
  readonly MaximumRetryAttempts: number;
  readonly MaximumRecordAgeInSeconds: number;
  readonly ParallelizationFactor: number;
  readonly FunctionResponseTypes: readonly ['ReportBatchItemFailures'];
  readonly FilterCriteria?: FilterCriteriaJson;
  readonly DestinationConfig: { readonly OnFailure: { readonly Destination: string } };
}

/**
 * What a Sluice projection handler expects from its event source mapping, and why:
 * - `FunctionResponseTypes: ['ReportBatchItemFailures']` — the handler reports the first record it
 *   could not process; without it Lambda ignores the response and treats a partial failure as success.
 * - `StartingPosition: 'TRIM_HORIZON'` — a projection must see every change still in the stream.
 * - `BatchSize: 1000`, `MaximumBatchingWindowInSeconds: 1` — bigger batches coalesce more writes
 *   (fewer DynamoDB requests per record) for at most a second of extra latency.
 * - `BisectBatchOnFunctionError: true` — if the function crashes or times out, halves are retried
 *   so one bad record cannot hold a whole batch hostage.
 * - `MaximumRetryAttempts: -1`, `MaximumRecordAgeInSeconds: -1` — retry until the record leaves the
 *   stream (24 hours): a projection that skips a change stays wrong. Replays are harmless, since
 *   every write is idempotent. Poison records do not fail the batch unless `poison: 'block'`.
 * - `ParallelizationFactor: 1` — one batch per shard at a time, in stream order. Lambda keeps
 *   per-item order with higher factors too; raise it only for throughput you have measured.
 * - `DestinationConfig.OnFailure` — where Lambda reports batches it gave up on (shard and sequence
 *   range, not the records); replace the placeholder with a queue or topic ARN.
 * - `FilterCriteria` — the OR of the projections' filters, when they all have a pattern form.
 */
export const recommendedEventSourceMapping = (
  filterCriteria: FilterCriteriaJson | undefined,
): EventSourceMappingSettings => ({
  BatchSize: 1000,
  MaximumBatchingWindowInSeconds: 1,
  StartingPosition: 'TRIM_HORIZON',
  BisectBatchOnFunctionError: true,
  MaximumRetryAttempts: -1,
  MaximumRecordAgeInSeconds: -1,
  ParallelizationFactor: 1,
  FunctionResponseTypes: ['ReportBatchItemFailures'],
  ...(filterCriteria === undefined ? {} : { FilterCriteria: filterCriteria }),
  DestinationConfig: { OnFailure: { Destination: ON_FAILURE_DESTINATION_PLACEHOLDER } },
});
