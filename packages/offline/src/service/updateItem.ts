import type { UpdateItemInput } from '@aws-sdk/client-dynamodb';
import { writeCapacity } from './consumedCapacity.js';
import { checkConditionFirst, expressionUpdate } from './itemUpdate.js';
import { compileRequest, refuseLegacy } from './requestExpressions.js';
import { returnedAttributes, returnValuesOf } from './returnValues.js';
import type { ServiceState } from './serviceState.js';
import { wireMap } from './wireJson.js';

/** UpdateItem: applies the UpdateExpression to the item (creating it from its key when missing). */
export const updateItem = (state: ServiceState, input: UpdateItemInput) => {
  refuseLegacy(input, ['AttributeUpdates', 'Expected', 'ConditionalOperator']);
  const { engine } = state.table(input.TableName);
  const returnValues = returnValuesOf(input.ReturnValues, [
    'NONE',
    'ALL_OLD',
    'UPDATED_OLD',
    'ALL_NEW',
    'UPDATED_NEW',
  ]);
  const { update, condition } = compileRequest(input, engine.keySchema);
  const key = wireMap(input.Key);
  const updater = expressionUpdate(engine, key, update);
  checkConditionFirst(engine, key, condition, input.ReturnValuesOnConditionCheckFailure);
  const result = engine.updateItem(key, updater.apply);
  return {
    ...returnedAttributes(returnValues, result.oldItem, result.newItem, updater.updatedPaths()),
    ...writeCapacity(input, engine.tableName, result.oldItem, result.newItem),
  };
};
