/**
 * Idempotent projections over DynamoDB Streams: the projection model, the built-in projections
 * (order history, aggregates, archives, replicas, lookups), planning, the store interface and the
 * in-memory store. Needs no AWS SDK client. The jobs that do live on their own entry points:
 * `@sluice/projections/dynamodb`, `/lambda`, `/poller`, `/backfill`, `/recovery`, `/effects`,
 * `/telemetry` and `/deploy`.
 *
 * @packageDocumentation
 * @module @sluice/projections
 */
// Running a batch: the results every runner reports, and raw records run through projections.
export type {
  BatchCompleted,
  BatchFailed,
  BatchFailure,
  BatchResult,
  DeadLetterRefused,
  PoisonBlocked,
} from './batch/batchResult.js';
export type { BatchSettings } from './batch/batchSettings.js';
export type { WriteRefused } from './batch/isolateRefusedWrites.js';
export { isPermanentWriteFailure } from './batch/permanentWriteFailure.js';
export { type ProcessBatchSettings, processBatch } from './batch/processBatch.js';
// Built-in projections.
export {
  type AggregateOptions,
  aggregate,
  type KeyedAggregateOptions,
} from './builtins/aggregate.js';
export { type ArchiveOptions, archive } from './builtins/archive.js';
export type { BuiltinOptions } from './builtins/builtinOptions.js';
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
// Checkpoints: the position up to which every record is handled, and how a runner keeps it.
export type { BatchCheckpoint } from './checkpoint/batchCheckpoint.js';
export type { Checkpoint, Checkpointer } from './checkpoint/checkpoint.js';
// Dead letters: the sink every runner writes poison records to, and the in-memory tables.
export type { DeadLetter, DeadLetterSink, PoisonReason } from './deadLetter/deadLetter.js';
export type { DeadLetterTable, LetterPage } from './deadLetter/deadLetterTable.js';
export { InMemoryDeadLetters } from './deadLetter/inMemoryDeadLetters.js';
export { InMemoryDeadLetterTable } from './deadLetter/inMemoryDeadLetterTable.js';
export { type LetterKey, type StoredLetter, UNREADABLE } from './deadLetter/storedLetter.js';
// Stores: the interface the runners write through, and the in-memory store.
// `FaultKind` is the parameter of `InMemoryProjectionStore.failAfter`, the store's crash hook.
export type { FaultKind } from './memory/injectedFault.js';
export { InMemoryProjectionStore } from './memory/inMemoryProjectionStore.js';
// Planning: the writes a projection plans, pure.
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
// The projection model.
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
export type { Applied, ProjectionStore } from './store/projectionStore.js';
export {
  type CorruptRowMarker,
  isRowMarkerAttribute,
  type RowMarker,
  rowMarkerAttribute,
  withoutRowMarkers,
} from './store/rowMarkers.js';
export { type ApplyFailed, applyFailed, type StoreError } from './store/storeError.js';
