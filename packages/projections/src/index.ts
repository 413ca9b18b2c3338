/**
 * Idempotent projections over DynamoDB Streams (order history, aggregates, archives), their
 * stores, the Lambda handler, the stream poller, backfill and rebuild.
 *
 * @packageDocumentation
 * @module @sluice/projections
 */
// Backfill: scan a table into projections, handing over to the live stream.
export {
  type BackfillFailure,
  type BackfillOptions,
  type BackfillResult,
  backfill,
} from './backfill/backfill.js';
export type {
  BackfillEvent,
  BackfillSummary,
  CheckpointFailed,
  PageFailed,
  ScanFailure,
  SegmentMismatch,
} from './backfill/backfillEvents.js';
export type { ScanSnapshotsOptions } from './backfill/backfillOptions.js';
// Telemetry: metrics (CloudWatch EMF or Powertools) and structured logs of the runners.
export { backfillTelemetry } from './backfill/backfillTelemetry.js';
export {
  type DynamoDbScanSourceOptions,
  dynamoDbScanSource,
} from './backfill/dynamoDbScanSource.js';
export {
  type CorruptSegmentCheckpoint,
  type DynamoDbSegmentCheckpointsOptions,
  dynamoDbSegmentCheckpoints,
  segmentCheckpointTableSpec,
} from './backfill/dynamoDbSegmentCheckpoints.js';
export { type HistorySnapshotOptions, historySnapshot } from './backfill/historySnapshot.js';
export { inMemoryScanSource, type ScannableTable } from './backfill/inMemoryScanSource.js';
export { InMemorySegmentCheckpoints } from './backfill/inMemorySegmentCheckpoints.js';
export type { LiveStart, LiveStream, LiveStreamFailed } from './backfill/liveStream.js';
export {
  type PollerLiveStream,
  type PollerLiveStreamOptions,
  pollerLiveStream,
} from './backfill/pollerLiveStream.js';
export type { InvalidRateLimit, RateLimit } from './backfill/rateLimit.js';
export { scanSnapshots } from './backfill/scanSnapshots.js';
export type {
  ScanFailed,
  ScannedItem,
  ScanPage,
  ScanRequest,
  ScanSource,
  SourceDescription,
} from './backfill/scanSource.js';
export type { SegmentCheckpoint, SegmentCheckpointStore } from './backfill/segmentCheckpoints.js';
export {
  isSnapshot,
  SNAPSHOT_SEQUENCE_NUMBER,
  snapshotRecord,
} from './backfill/snapshotRecord.js';
export {
  type Backfilled,
  type BackfillTarget,
  type SnapshotPlan,
  snapshotProjection,
} from './backfill/snapshotTarget.js';
export type {
  BatchCompleted,
  BatchFailed,
  BatchFailure,
  BatchResult,
  DeadLetterRefused,
  PoisonBlocked,
} from './batch/batchResult.js';
export type { BatchSettings } from './batch/batchSettings.js';
export type { IncomingRecord } from './batch/incomingRecord.js';
export type { WriteRefused } from './batch/isolateRefusedWrites.js';
export { isPermanentWriteFailure } from './batch/permanentWriteFailure.js';
export { type ProcessBatchSettings, processBatch } from './batch/processBatch.js';
export { processRecords } from './batch/processRecords.js';
export { type AggregateOptions, aggregate } from './builtins/aggregate.js';
export { type ArchiveOptions, archive } from './builtins/archive.js';
export { changedAttributes } from './builtins/changedAttributes.js';
export { CLAIMED_BY_ATTRIBUTE, type LookupOptions, lookup } from './builtins/lookup.js';
export { type LookupOwner, lookupOwner } from './builtins/lookupOwner.js';
export {
  type HistoryImages,
  type OrderHistoryOptions,
  orderHistory,
} from './builtins/orderHistory.js';
export { type ReplicateOptions, replicate } from './builtins/replicate.js';
export { VERSION_ATTRIBUTE } from './builtins/versionAttribute.js';
export type { DeadLetter, DeadLetterSink, PoisonReason } from './deadLetter/deadLetter.js';
export type { DeadLetterTable, LetterPage } from './deadLetter/deadLetterTable.js';
export { deadLetterTableSpec } from './deadLetter/deadLetterTableSpec.js';
export {
  type CorruptLetter,
  type DynamoDbDeadLettersOptions,
  dynamoDbDeadLetters,
} from './deadLetter/dynamoDbDeadLetters.js';
export { InMemoryDeadLetters } from './deadLetter/inMemoryDeadLetters.js';
export { InMemoryDeadLetterTable } from './deadLetter/inMemoryDeadLetterTable.js';
export { MAX_RECORD_BYTES } from './deadLetter/letterItem.js';
export { type LetterKey, type StoredLetter, UNREADABLE } from './deadLetter/storedLetter.js';
// Deploying: what a projection stack deploys (tables, variables, mapping, rights), for SAM and CDK.
export { deployedTableNames } from './deploy/deployedTableNames.js';
export { METRICS_NAMESPACE } from './deploy/metricsNamespace.js';
export {
  type MappingSettings,
  type Permission,
  type ProjectionStackInput,
  type ProjectionStackSpec,
  projectionStackSpec,
  type WrittenTable,
} from './deploy/projectionStackSpec.js';
export type { StreamSourceSpec } from './deploy/streamSource.js';
export {
  DEAD_LETTER_ACTIONS,
  QUEUE_SEND_ACTIONS,
  STORE_ACTIONS,
  STREAM_READ_ACTIONS,
} from './deploy/tableAccess.js';
export { tableVariable } from './deploy/tableVariable.js';
// DynamoDB stores, table creation and request counting.
export {
  countRequests,
  type HasDynamoDbMiddleware,
  type RequestCounter,
} from './dynamodb/cost/requestCounter.js';
export type { ItemTooLarge } from './dynamodb/errors/itemTooLarge.js';
export { dynamoDbProjectionStore } from './dynamodb/store/dynamoDbProjectionStore.js';
export type { DynamoDbStoreOptions } from './dynamodb/store/dynamoDbStoreOptions.js';
export type { CorruptMarker } from './dynamodb/store/readMarkers.js';
export {
  type CreateTablesOptions,
  createProjectionTables,
} from './dynamodb/tables/createProjectionTables.js';
export {
  type KeyAttribute,
  markerTableSpec,
  type TableSpec,
  tableSpec,
  tombstoneTableSpec,
} from './dynamodb/tables/tableSpec.js';
export {
  type DynamoDbIdempotencyStoreOptions,
  dynamoDbIdempotencyStore,
  idempotencyTableSpec,
} from './effects/dynamoDbIdempotencyStore.js';
// Effects exactly once in effect: plans yield effects, an idempotency table records them.
export type { EffectRequest, PlannedEffect } from './effects/effect.js';
export {
  defineEffects,
  type EffectProjection,
  type EffectsDefinition,
} from './effects/effectProjection.js';
export {
  type EffectsHandler,
  type EffectsHandlerOptions,
  effectsHandler,
} from './effects/effectsHandler.js';
export type {
  ClaimTaken,
  IdempotencyRecord,
  IdempotencyStore,
  IdempotencyStoreFailed,
} from './effects/idempotencyStore.js';
export { InMemoryIdempotencyStore } from './effects/inMemoryIdempotencyStore.js';
export {
  type EffectFailure,
  type EffectSettings,
  type EffectsOutcome,
  type PerformEffect,
  performEffects,
} from './effects/performEffects.js';
// Recovery: batches Lambda gave up on, and redrive of dead letters.
export {
  BatchInfo,
  type InvalidFailureRecord,
  parseFailureRecords,
} from './failedBatches/batchInfo.js';
export {
  type BatchRecovered,
  type NeedsRebuild,
  type RecoverFailedBatchesOptions,
  type RecoveryFailed,
  type RecoveryOutcome,
  type RecoverySummary,
  recoverFailedBatches,
  STREAM_RETENTION_MS,
} from './failedBatches/recoverFailedBatches.js';
// Runners: the Lambda handler and the stream poller.
export {
  type EventSourceMappingSettings,
  ON_FAILURE_DESTINATION_PLACEHOLDER,
  recommendedEventSourceMapping,
} from './lambda/eventSourceMapping.js';
export { filterCriteriaOf } from './lambda/filterCriteriaOf.js';
export {
  type LambdaHandlerOptions,
  lambdaHandler,
  type ProjectionHandler,
} from './lambda/lambdaHandler.js';
export { type FaultKind, SimulatedCrash } from './memory/injectedFault.js';
export { InMemoryProjectionStore } from './memory/inMemoryProjectionStore.js';
export { type MarkerScope, markerPrefix } from './plan/markerScope.js';
export type { PlannedBatch } from './plan/plannedBatch.js';
export type { Amounts, Row, RowKey } from './plan/row.js';
export { tombstoneIdOf } from './plan/tombstoneId.js';
export {
  type Contribute,
  type ContributeInput,
  type Contribution,
  contribute,
  type DeleteIfNewer,
  type DeleteIfNewerOptions,
  deleteIfNewer,
  type MarkerRow,
  type PutIfNewer,
  type PutIfNewerOptions,
  type PutRow,
  putIfNewer,
  putRow,
  SOURCE_ATTRIBUTE,
  type TombstoneRow,
  tombstoneExpiresAt,
  type Write,
} from './plan/write.js';
export {
  installSignalHandlers,
  type SignalHandlingOptions,
} from './poller/installSignalHandlers.js';
export { createLeaseTable, leaseTableKeySchema } from './poller/lease/createLeaseTable.js';
export {
  type DynamoDbLeaseTableOptions,
  dynamoDbLeaseTable,
} from './poller/lease/dynamoDbLeaseTable.js';
export { InMemoryLeaseTable } from './poller/lease/inMemoryLeaseTable.js';
export type { Lease, LeaseCheckpoint } from './poller/lease/lease.js';
export type {
  LeaseChange,
  LeaseTable,
  LeaseTableError,
  LeaseWriteResult,
} from './poller/lease/leaseTable.js';
export type {
  DataLoss,
  PollerEvent,
  PollerFailure,
  ProcessorThrew,
} from './poller/pollerEvents.js';
export type { StreamPollerOptions } from './poller/pollerOptions.js';
export {
  type ProjectionPollerOptions,
  projectionPoller,
  projectionProcessor,
} from './poller/projectionPoller.js';
export { lambdaShapedRecord } from './poller/reading/lambdaShapedRecord.js';
export type { StreamCallFailed, StreamFailureKind } from './poller/reading/streamCallFailed.js';
export type { BatchOutcome, ShardBatchProcessor, ShardRef } from './poller/shardBatchProcessor.js';
export { type StreamPoller, streamPoller } from './poller/streamPoller.js';
export { admit } from './projection/admit.js';
export { planBatch } from './projection/planBatch.js';
export {
  defineProjection,
  type Projection,
  type ProjectionDefinition,
  type ProjectionFilter,
  type ProjectionFilterPattern,
} from './projection/projection.js';
export type { CodecRejected, Rejection, ViewTypeMismatch } from './projection/rejection.js';
export { checkUniqueNames } from './projection/uniqueNames.js';
// Rebuild: blue/green versions of a projection behind an active-version pointer.
export { activeTable, type NoActiveVersion } from './rebuild/activeTable.js';
export type { ActiveVersions, VersionConflict } from './rebuild/activeVersions.js';
export {
  activeVersionsTableSpec,
  type DynamoDbActiveVersionsOptions,
  dynamoDbActiveVersions,
} from './rebuild/dynamoDbActiveVersions.js';
export { InMemoryActiveVersions } from './rebuild/inMemoryActiveVersions.js';
export {
  type NewerVersionActive,
  type RebuildFailure,
  type RebuildOptions,
  type RebuildResult,
  rebuild,
} from './rebuild/rebuild.js';
export {
  type VersionedTableName,
  versionedProjection,
  versionedTable,
} from './rebuild/versionedProjection.js';
export { redrive } from './redrive/redrive.js';
export type {
  RedriveCounts,
  RedriveFailed,
  RedriveOptions,
  RedriveProgress,
  RedriveSummary,
} from './redrive/redriveOptions.js';
export type {
  DynamoDbCause,
  DynamoDbError,
  DynamoDbRequestFailed,
  DynamoDbRetriesExhausted,
} from './retry/dynamoDbError.js';
export {
  defaultRetryPolicy,
  type RequestEvent,
  type RetryEvent,
  type RetryPolicy,
} from './retry/retryPolicy.js';
export type { Applied, ProjectionStore } from './store/projectionStore.js';
export { type ApplyFailed, applyFailed, type StoreError } from './store/storeError.js';
export { type EmfMetricsOptions, emfMetrics } from './telemetry/emfMetrics.js';
export { jsonLogger } from './telemetry/jsonLogger.js';
export {
  type PowertoolsLoggerLike,
  type PowertoolsMetricsLike,
  powertoolsLogger,
  powertoolsMetrics,
} from './telemetry/powertools.js';
export { type BatchReport, reportBatch } from './telemetry/reportBatch.js';
export { defaultTelemetry, type TelemetryOptions, telemetry } from './telemetry/runnerTelemetry.js';
export { storeMetrics } from './telemetry/storeMetrics.js';
export {
  type LogFields,
  type MetricSample,
  type MetricsSink,
  type MetricUnit,
  type StructuredLogger,
  silentTelemetry,
  type Telemetry,
} from './telemetry/telemetry.js';
