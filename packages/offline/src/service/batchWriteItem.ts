import type { BatchWriteItemInput, WriteRequest } from '@aws-sdk/client-dynamodb';
import { validationException } from '../table/dynamoDbErrors.js';
import type { BatchWriteRequest } from '../table/writeRequests.js';
import type { ServiceState } from './serviceState.js';
import { wireMap } from './wireJson.js';

const MAX_REQUESTS = 25;

const batchRequest = (request: WriteRequest): BatchWriteRequest => {
  const put = request.PutRequest;
  const del = request.DeleteRequest;
  if ((put === undefined) === (del === undefined)) {
    throw validationException(
      'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes',
    );
  }
  return put
    ? { type: 'put', item: wireMap(put.Item) }
    : { type: 'delete', key: wireMap(del?.Key) };
};

/**
 * BatchWriteItem: up to 25 puts and deletes over any tables. Every request is validated on every
 * table before any is applied; nothing is left unprocessed (no throttling in memory).
 */
export const batchWriteItem = (state: ServiceState, input: BatchWriteItemInput) => {
  const entries = Object.entries(input.RequestItems ?? {});
  const count = entries.reduce((sum, [, requests]) => sum + (requests?.length ?? 0), 0);
  if (count > MAX_REQUESTS) {
    throw validationException('Too many items requested for the BatchWriteItem call');
  }
  if (entries.length === 0) {
    throw validationException(
      "1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  }
  const planned = entries.map(([tableName, requests]) => {
    const { engine } = state.table(tableName);
    return { engine, plans: engine.planBatchWrite((requests ?? []).map(batchRequest)) };
  });
  for (const { engine, plans } of planned) engine.commitPlanned(plans);
  return { UnprocessedItems: {} };
};
