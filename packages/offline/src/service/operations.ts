import { batchGetItem } from './batchGetItem.js';
import { batchWriteItem } from './batchWriteItem.js';
import { createTable } from './createTable.js';
import { deleteItem } from './deleteItem.js';
import { deleteTable } from './deleteTable.js';
import { describeTableOperation } from './describeTable.js';
import { getItem } from './getItem.js';
import { listTables } from './listTables.js';
import { putItem } from './putItem.js';
import { query } from './query.js';
import { scan } from './scan.js';
import { unknownOperation } from './serviceErrors.js';
import type { ServiceState } from './serviceState.js';
import { describeTimeToLive, updateTimeToLive } from './timeToLive.js';
import { transactGetItems } from './transactGetItems.js';
import { transactWriteItems } from './transactWriteItems.js';
import { updateItem } from './updateItem.js';
import { updateTable } from './updateTable.js';

// biome-ignore lint/suspicious/noExplicitAny: each operation reads its own SDK input type.
type Operation = (state: ServiceState, input: any) => unknown;

/** The DynamoDB operations the in-process service answers, by their `x-amz-target` name. */
const DYNAMODB_OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateTable: createTable,
  DescribeTable: describeTableOperation,
  UpdateTable: updateTable,
  DeleteTable: deleteTable,
  ListTables: listTables,
  UpdateTimeToLive: updateTimeToLive,
  DescribeTimeToLive: describeTimeToLive,
  PutItem: putItem,
  GetItem: getItem,
  UpdateItem: updateItem,
  DeleteItem: deleteItem,
  Query: query,
  Scan: scan,
  BatchWriteItem: batchWriteItem,
  BatchGetItem: batchGetItem,
  TransactWriteItems: transactWriteItems,
  TransactGetItems: transactGetItems,
};

const STREAMS_OPERATIONS = new Set([
  'ListStreams',
  'DescribeStream',
  'GetShardIterator',
  'GetRecords',
]);

/** Serves one operation by name: DynamoDB's from the table engines, Streams' from their streams. */
export const serveOperation = (
  state: ServiceState,
  operation: string,
  input: Record<string, unknown>,
): unknown => {
  if (STREAMS_OPERATIONS.has(operation)) return state.streams.operate(operation, input);
  const serve = Object.hasOwn(DYNAMODB_OPERATIONS, operation)
    ? DYNAMODB_OPERATIONS[operation]
    : undefined;
  if (serve === undefined) throw unknownOperation(operation);
  return serve(state, input);
};
