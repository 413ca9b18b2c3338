/**
 * DynamoDB Streams offline: an in-process DynamoDB that the unmodified AWS SDK talks to, an
 * in-memory table and stream, a Lambda-like delivery driver with fault injection and a DynamoDB
 * Local launcher. Needs only `@sluice/core`.
 *
 * @packageDocumentation
 * @module @sluice/offline
 */
export {
  createEventSourceMapping,
  deliverStream,
  type EventSourceMapping,
  type EventSourceMappingInput,
  type StreamConnection,
  type StreamSource,
} from './delivery/deliveryDriver.js';
export type { DeliveryFaults } from './delivery/deliveryFaults.js';
export type { DeliveredBatch, DeliveryReport } from './delivery/deliveryReport.js';
export type {
  EventSourceMappingOptions,
  OnFailureDestination,
} from './delivery/eventSourceMappingOptions.js';
export type { InvocationOutcome } from './delivery/invocationOutcome.js';
export type {
  DDBStreamBatchInfo,
  FailureCondition,
  OnFailureRecord,
} from './delivery/onFailureRecord.js';
export { InvalidEventSourceMapping } from './delivery/resolveMappingOptions.js';
export type { StreamHandler } from './delivery/streamHandler.js';
export type { StreamsApi } from './delivery/streamsApi.js';
export {
  connectDynamoDBLocal,
  type DynamoDBLocalClients,
  type DynamoDBLocalConnection,
  dynamodbLocalCredentials,
  dynamodbLocalRegion,
} from './dynamodbLocal/connectDynamoDBLocal.js';
export {
  DynamoDBLocalStartError,
  type DynamoDBLocalStartFailure,
} from './dynamodbLocal/dynamodbLocalStartError.js';
export {
  type ReadDynamoDBLocalStreamOptions,
  readDynamoDBLocalStream,
} from './dynamodbLocal/readDynamoDBLocalStream.js';
export {
  type DynamoDBLocal,
  type StartDynamoDBLocalOptions,
  startDynamoDBLocal,
} from './dynamodbLocal/startDynamoDBLocal.js';
export type { AttributeMap, AttributeValue, PlainItem } from './item/attributeMap.js';
export type { KeyAttributeType, KeySchema, TableKeyAttribute } from './item/keySchema.js';
export { type SeededRandom, seededRandom } from './random/seededRandom.js';
export {
  IN_PROCESS_ENDPOINT,
  InProcessDynamoDB,
  type InProcessDynamoDBOptions,
} from './service/inProcessDynamoDB.js';
export { InMemoryStream, type InMemoryStreamOptions } from './stream/inMemoryStream.js';
export { InMemoryStreamsClient } from './stream/inMemoryStreamsClient.js';
export type { SequenceNumbering } from './stream/sequenceNumbers.js';
export {
  ITERATOR_LIFETIME_MS,
  MAX_RECORDS_PER_READ,
  RECORD_RETENTION_MS,
} from './stream/streamLimits.js';
export {
  type InMemoryStreamRecord,
  type InMemoryStreamRecordBody,
  type StreamEventName,
  TTL_SERVICE_IDENTITY,
} from './stream/streamRecord.js';
export type { InMemoryGetRecordsOutput } from './stream/streamsApiReads.js';
export { toLambdaEvent, toLambdaRecord } from './stream/toLambdaRecord.js';
export type { DocumentOptions } from './table/documentConversion.js';
export { InMemoryTable, type InMemoryTableOptions } from './table/inMemoryTable.js';
export type { ItemPage } from './table/itemPage.js';
export type { ItemUpdate } from './table/itemUpdate.js';
export type { QueryInput, SortKeyCondition } from './table/queryItems.js';
export type { ScanInput } from './table/scanItems.js';
export type {
  IndexProjection,
  SecondaryIndex,
  SecondaryIndexOptions,
} from './table/secondaryIndex.js';
export type { UpdateActions } from './table/updateActions.js';
export type { WriteCondition } from './table/writeCondition.js';
export type {
  BatchWriteRequest,
  BatchWriteResult,
  TransactWriteAction,
  WriteOptions,
} from './table/writeRequests.js';
export type { WriteResult } from './table/writeResult.js';
