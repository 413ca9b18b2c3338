import type { TransactGetItemsInput } from '@aws-sdk/client-dynamodb';
import { project } from '../expression/expressions.js';
import { validationException } from '../table/dynamoDbErrors.js';
import { checkTransactionLength } from '../table/planTransaction.js';
import { compileRequest } from './requestExpressions.js';
import type { ServiceState } from './serviceState.js';
import { wireMap } from './wireJson.js';

/** TransactGetItems: up to 100 reads answered from one consistent state, in request order. */
export const transactGetItems = (state: ServiceState, input: TransactGetItemsInput) => {
  const items = input.TransactItems ?? [];
  checkTransactionLength(items.length);
  const reads = items.map((item) => {
    const get = item.Get;
    if (get === undefined) throw validationException('TransactItems must contain Get');
    const { engine } = state.table(get.TableName);
    const { projection } = compileRequest(get, engine.keySchema);
    return { engine, projection, key: wireMap(get.Key) };
  });
  return {
    Responses: reads.map(({ engine, projection, key }) => {
      const found = engine.getItem(key);
      if (found === undefined) return {};
      return { Item: projection ? project(projection, found) : found };
    }),
  };
};
