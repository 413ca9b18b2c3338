/**
 * The DynamoDB side of a projection: the projection store, its table specs and table creation,
 * the dead-letter table, request counting and the retry policy of every DynamoDB request.
 * Needs the `@aws-sdk/client-dynamodb` and `@aws-sdk/lib-dynamodb` peers.
 *
 * @module @sluice/projections/dynamodb
 */
export { deadLetterTableSpec } from '../deadLetter/deadLetterTableSpec.js';
export {
  type CorruptLetter,
  type DynamoDbDeadLettersOptions,
  dynamoDbDeadLetters,
} from '../deadLetter/dynamoDbDeadLetters.js';
export { MAX_RECORD_BYTES } from '../deadLetter/letterItem.js';
export {
  countRequests,
  type HasDynamoDbMiddleware,
  type RequestCounter,
} from '../dynamodb/cost/requestCounter.js';
export type { ItemTooLarge } from '../dynamodb/errors/itemTooLarge.js';
export { dynamoDbProjectionStore } from '../dynamodb/store/dynamoDbProjectionStore.js';
export type { DynamoDbStoreOptions } from '../dynamodb/store/dynamoDbStoreOptions.js';
export type { CorruptMarker } from '../dynamodb/store/readMarkers.js';
export {
  type CreateTablesOptions,
  createProjectionTables,
} from '../dynamodb/tables/createProjectionTables.js';
export {
  type KeyAttribute,
  markerTableSpec,
  type TableSpec,
  tableSpec,
  tombstoneTableSpec,
} from '../dynamodb/tables/tableSpec.js';
export type {
  DynamoDbCause,
  DynamoDbError,
  DynamoDbRequestFailed,
  DynamoDbRetriesExhausted,
} from '../retry/dynamoDbError.js';
export {
  defaultRetryPolicy,
  type RequestEvent,
  type RetryEvent,
  type RetryPolicy,
} from '../retry/retryPolicy.js';
