import type { UpdateTableInput } from '@aws-sdk/client-dynamodb';
import type { StreamViewType } from '@sluice/core';
import { validationException } from '../table/dynamoDbErrors.js';
import { describeTable } from './describeTable.js';
import type { ServiceState, ServiceTable } from './serviceState.js';

const changeStream = (
  state: ServiceState,
  table: ServiceTable,
  spec: NonNullable<UpdateTableInput['StreamSpecification']>,
): void => {
  const { engine } = table;
  if (spec.StreamEnabled) {
    if (engine.hasStream) {
      throw validationException('Table already has an enabled stream');
    }
    if (spec.StreamViewType === undefined) {
      throw validationException('StreamViewType must be specified when StreamEnabled is true');
    }
    const stream = engine.enableStream(spec.StreamViewType as StreamViewType);
    table.latestStream = stream;
    state.streams.add(stream);
    return;
  }
  if (!engine.hasStream) throw validationException('Table does not have a stream to disable');
  engine.disableStream();
};

/**
 * UpdateTable: enables the stream (a new stream and ARN) or disables it; billing and throughput
 * changes are accepted and have no effect in memory. Index creation and deletion are refused.
 */
export const updateTable = (state: ServiceState, input: UpdateTableInput) => {
  const table = state.table(input.TableName);
  if ((input.GlobalSecondaryIndexUpdates ?? []).length > 0) {
    throw validationException(
      'The in-process DynamoDB does not support GlobalSecondaryIndexUpdates: define indexes in CreateTable',
    );
  }
  if (input.StreamSpecification !== undefined)
    changeStream(state, table, input.StreamSpecification);
  return { TableDescription: describeTable(table) };
};
