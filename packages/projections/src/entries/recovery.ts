/**
 * Recovery once the cause of a failure is fixed: dead letters redriven through the normal,
 * idempotent path, and the batches Lambda gave up on (its on-failure records) read again from the
 * stream while it still holds them. Recovering failed batches needs the Streams peer.
 *
 * @module @sluice/projections/recovery
 */
export {
  BatchInfo,
  type InvalidFailureRecord,
  parseFailureRecords,
} from '../failedBatches/batchInfo.js';
export {
  type BatchRecovered,
  type NeedsRebuild,
  type RecoverFailedBatchesOptions,
  type RecoveryFailed,
  type RecoveryOutcome,
  type RecoverySummary,
  recoverFailedBatches,
  STREAM_RETENTION_MS,
} from '../failedBatches/recoverFailedBatches.js';
export { redrive } from '../redrive/redrive.js';
export type {
  RedriveCounts,
  RedriveFailed,
  RedriveOptions,
  RedriveProgress,
  RedriveSummary,
} from '../redrive/redriveOptions.js';
