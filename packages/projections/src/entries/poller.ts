/**
 * The stream poller, for containers and local development: reads a stream through the Streams API
 * with one lease per shard, in a DynamoDB lease table or in memory. The only entry point that needs
 * the `@aws-sdk/client-dynamodb-streams` peer (and `@aws-sdk/client-dynamodb` for the lease table).
 *
 * @module @sluice/projections/poller
 */

export { lambdaShapedRecord } from '@sluice/core';
export {
  installSignalHandlers,
  type SignalHandlingOptions,
} from '../poller/installSignalHandlers.js';
export { createLeaseTable, leaseTableKeySchema } from '../poller/lease/createLeaseTable.js';
export {
  type DynamoDbLeaseTableOptions,
  dynamoDbLeaseTable,
} from '../poller/lease/dynamoDbLeaseTable.js';
export { InMemoryLeaseTable } from '../poller/lease/inMemoryLeaseTable.js';
export type { Lease, LeaseCheckpoint } from '../poller/lease/lease.js';
export type {
  LeaseChange,
  LeaseTable,
  LeaseTableError,
  LeaseWriteResult,
} from '../poller/lease/leaseTable.js';
export type {
  DataLoss,
  PollerEvent,
  PollerFailure,
  ProcessorThrew,
} from '../poller/pollerEvents.js';
export type { StreamPollerOptions } from '../poller/pollerOptions.js';
export {
  type ProjectionPollerOptions,
  projectionPoller,
  projectionProcessor,
} from '../poller/projectionPoller.js';
export type { StreamCallFailed, StreamFailureKind } from '../poller/reading/streamCallFailed.js';
export type {
  BatchOutcome,
  ShardBatchProcessor,
  ShardRef,
} from '../poller/shardBatchProcessor.js';
export { type StreamPoller, streamPoller } from '../poller/streamPoller.js';
