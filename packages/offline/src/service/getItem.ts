import type { GetItemInput } from '@aws-sdk/client-dynamodb';
import { project } from '../expression/expressions.js';
import { readCapacity } from './consumedCapacity.js';
import { compileRequest, refuseLegacy } from './requestExpressions.js';
import type { ServiceState } from './serviceState.js';
import { wireMap } from './wireJson.js';

/** GetItem: the item with its ProjectionExpression applied; `ConsistentRead` is accepted (reads are). */
export const getItem = (state: ServiceState, input: GetItemInput) => {
  refuseLegacy(input, ['AttributesToGet']);
  const { engine } = state.table(input.TableName);
  const { projection } = compileRequest(input, engine.keySchema);
  const item = engine.getItem(wireMap(input.Key));
  const capacity = readCapacity(input, engine.tableName, [item]);
  if (item === undefined) return capacity;
  return { Item: projection ? project(projection, item) : item, ...capacity };
};
