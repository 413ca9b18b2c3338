import type { ListTablesInput } from '@aws-sdk/client-dynamodb';
import { validationException } from '../table/dynamoDbErrors.js';
import { compareUtf8 } from '../table/keyOrder.js';
import type { ServiceState } from './serviceState.js';

/** ListTables: names in order, paged by `Limit` (1–100) and `ExclusiveStartTableName`. */
export const listTables = (state: ServiceState, input: ListTablesInput) => {
  const limit = input.Limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw validationException(
      "1 validation error detected: Value at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100",
    );
  }
  const after = input.ExclusiveStartTableName;
  const names = [...state.tables.keys()]
    .sort(compareUtf8)
    .filter((name) => after === undefined || compareUtf8(name, after) > 0);
  const page = names.slice(0, limit);
  return {
    TableNames: page,
    ...(names.length > limit ? { LastEvaluatedTableName: page[page.length - 1] } : {}),
  };
};
