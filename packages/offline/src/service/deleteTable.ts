import type { DeleteTableInput } from '@aws-sdk/client-dynamodb';
import { describeTable } from './describeTable.js';
import type { ServiceState } from './serviceState.js';

/** DeleteTable: the table is gone at once; its streams stay readable, as on AWS for 24 hours. */
export const deleteTable = (state: ServiceState, input: DeleteTableInput) => {
  const table = state.table(input.TableName);
  state.tables.delete(table.engine.tableName);
  return { TableDescription: { ...describeTable(table), TableStatus: 'DELETING' as const } };
};
