/**
 * Backfill and rebuild: snapshots of an existing table run through projections and handed over to
 * the live stream, resumable by segment; blue/green versions of a projection behind an
 * active-version pointer. DynamoDB sources and checkpoints need the DynamoDB peers, the live
 * hand-over the Streams peer.
 *
 * @module @sluice/projections/backfill
 */
export {
  type BackfillFailure,
  type BackfillOptions,
  type BackfillResult,
  backfill,
} from '../backfill/backfill.js';
export type {
  BackfillEvent,
  BackfillSummary,
  CheckpointFailed,
  PageFailed,
  ScanFailure,
  SegmentMismatch,
} from '../backfill/backfillEvents.js';
export type { ScanSnapshotsOptions } from '../backfill/backfillOptions.js';
export { backfillTelemetry } from '../backfill/backfillTelemetry.js';
export {
  type DynamoDbScanSourceOptions,
  dynamoDbScanSource,
} from '../backfill/dynamoDbScanSource.js';
export {
  type CorruptSegmentCheckpoint,
  type DynamoDbSegmentCheckpointsOptions,
  dynamoDbSegmentCheckpoints,
  segmentCheckpointTableSpec,
} from '../backfill/dynamoDbSegmentCheckpoints.js';
export { type HistorySnapshotOptions, historySnapshot } from '../backfill/historySnapshot.js';
export { inMemoryScanSource, type ScannableTable } from '../backfill/inMemoryScanSource.js';
export { InMemorySegmentCheckpoints } from '../backfill/inMemorySegmentCheckpoints.js';
export type { LiveStart, LiveStream, LiveStreamFailed } from '../backfill/liveStream.js';
export {
  type PollerLiveStream,
  type PollerLiveStreamOptions,
  pollerLiveStream,
} from '../backfill/pollerLiveStream.js';
export type { InvalidRateLimit, RateLimit } from '../backfill/rateLimit.js';
export { scanSnapshots } from '../backfill/scanSnapshots.js';
export type {
  ScanFailed,
  ScannedItem,
  ScanPage,
  ScanRequest,
  ScanSource,
  SourceDescription,
} from '../backfill/scanSource.js';
export type { SegmentCheckpoint, SegmentCheckpointStore } from '../backfill/segmentCheckpoints.js';
export {
  isSnapshot,
  SNAPSHOT_SEQUENCE_NUMBER,
  snapshotRecord,
} from '../backfill/snapshotRecord.js';
export {
  type Backfilled,
  type BackfillTarget,
  type SnapshotPlan,
  snapshotProjection,
} from '../backfill/snapshotTarget.js';
export { activeTable, type NoActiveVersion } from '../rebuild/activeTable.js';
export type { ActiveVersions, VersionConflict } from '../rebuild/activeVersions.js';
export {
  activeVersionsTableSpec,
  type DynamoDbActiveVersionsOptions,
  dynamoDbActiveVersions,
} from '../rebuild/dynamoDbActiveVersions.js';
export { InMemoryActiveVersions } from '../rebuild/inMemoryActiveVersions.js';
export {
  type NewerVersionActive,
  type RebuildFailure,
  type RebuildOptions,
  type RebuildResult,
  rebuild,
} from '../rebuild/rebuild.js';
export {
  type VersionedTableName,
  versionedProjection,
  versionedTable,
} from '../rebuild/versionedProjection.js';
