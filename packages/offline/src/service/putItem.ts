import type { PutItemInput } from '@aws-sdk/client-dynamodb';
import { writeCapacity } from './consumedCapacity.js';
import { compileRequest, refuseLegacy, writeOptions } from './requestExpressions.js';
import { returnedAttributes, returnValuesOf } from './returnValues.js';
import type { ServiceState } from './serviceState.js';
import { wireMap } from './wireJson.js';

/** PutItem: writes the whole item, if its ConditionExpression holds. */
export const putItem = (state: ServiceState, input: PutItemInput) => {
  refuseLegacy(input, ['Expected', 'ConditionalOperator']);
  const { engine } = state.table(input.TableName);
  const returnValues = returnValuesOf(input.ReturnValues, ['NONE', 'ALL_OLD']);
  const { condition } = compileRequest(input, engine.keySchema);
  const result = engine.putItem(
    wireMap(input.Item),
    writeOptions(condition, input.ReturnValuesOnConditionCheckFailure),
  );
  return {
    ...returnedAttributes(returnValues, result.oldItem, result.newItem),
    ...writeCapacity(input, engine.tableName, result.oldItem, result.newItem),
  };
};
