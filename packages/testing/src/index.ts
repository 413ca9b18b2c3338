/**
 * Projection specs (`given(…).when(…).then(…)`) over `@sluice/offline`, which it re-exports whole:
 * the in-process DynamoDB, in-memory table and stream, delivery driver and DynamoDB Local launcher.
 *
 * @packageDocumentation
 * @module @sluice/testing
 */
export { type Clock, ManualClock, systemClock } from '@sluice/core';
export {
  type AttributeMap,
  type AttributeValue,
  type BatchWriteRequest,
  type BatchWriteResult,
  connectDynamoDBLocal,
  createEventSourceMapping,
  type DDBStreamBatchInfo,
  type DeliveredBatch,
  type DeliveryFaults,
  type DeliveryReport,
  type DocumentOptions,
  type DynamoDBLocal,
  type DynamoDBLocalClients,
  type DynamoDBLocalConnection,
  DynamoDBLocalStartError,
  type DynamoDBLocalStartFailure,
  deliverStream,
  dynamodbLocalCredentials,
  dynamodbLocalRegion,
  type EventSourceMapping,
  type EventSourceMappingInput,
  type EventSourceMappingOptions,
  type FailureCondition,
  IN_PROCESS_ENDPOINT,
  type IndexProjection,
  type InMemoryGetRecordsOutput,
  InMemoryStream,
  type InMemoryStreamOptions,
  type InMemoryStreamRecord,
  type InMemoryStreamRecordBody,
  InMemoryStreamsClient,
  InMemoryTable,
  type InMemoryTableOptions,
  InProcessDynamoDB,
  type InProcessDynamoDBOptions,
  InvalidEventSourceMapping,
  type InvocationOutcome,
  ITERATOR_LIFETIME_MS,
  type ItemPage,
  type ItemUpdate,
  type KeyAttributeType,
  type KeySchema,
  MAX_RECORDS_PER_READ,
  type OnFailureDestination,
  type OnFailureRecord,
  type PlainItem,
  type QueryInput,
  RECORD_RETENTION_MS,
  type ReadDynamoDBLocalStreamOptions,
  readDynamoDBLocalStream,
  type ScanInput,
  type SecondaryIndex,
  type SecondaryIndexOptions,
  type SeededRandom,
  type SequenceNumbering,
  type SortKeyCondition,
  type StartDynamoDBLocalOptions,
  type StreamConnection,
  type StreamEventName,
  type StreamHandler,
  type StreamSource,
  type StreamsApi,
  seededRandom,
  startDynamoDBLocal,
  type TableKeyAttribute,
  type TransactWriteAction,
  TTL_SERVICE_IDENTITY,
  toLambdaEvent,
  toLambdaRecord,
  type UpdateActions,
  type WriteCondition,
  type WriteOptions,
  type WriteResult,
} from '@sluice/offline';
export { createSourceTable, type SourceTableInput } from './spec/createSourceTable.js';
export type { ExpectedDeadLetter } from './spec/deadLettersDiff.js';
export {
  type Deliveries,
  type DeliveryPlan,
  faultyDeliveries,
} from './spec/deliveryPlan.js';
export { given, type ProjectionSpec } from './spec/given.js';
export type { ProjectionRun } from './spec/projectionRun.js';
export type { ProjectionOutcome, WhenOptions } from './spec/runProjections.js';
export type { GivenWrites, SourceTableOptions } from './spec/sourceTable.js';
export type { CompareOptions, ExpectedTables } from './spec/tablesDiff.js';
export type { TableWrite } from './spec/tableWrite.js';
export type { AsymmetricMatcher } from './spec/valueMatches.js';
