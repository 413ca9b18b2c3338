import type { DeleteItemInput } from '@aws-sdk/client-dynamodb';
import { writeCapacity } from './consumedCapacity.js';
import { compileRequest, refuseLegacy, writeOptions } from './requestExpressions.js';
import { returnedAttributes, returnValuesOf } from './returnValues.js';
import type { ServiceState } from './serviceState.js';
import { wireMap } from './wireJson.js';

/** DeleteItem: removes the item, if its ConditionExpression holds; a missing item is no error. */
export const deleteItem = (state: ServiceState, input: DeleteItemInput) => {
  refuseLegacy(input, ['Expected', 'ConditionalOperator']);
  const { engine } = state.table(input.TableName);
  const returnValues = returnValuesOf(input.ReturnValues, ['NONE', 'ALL_OLD']);
  const { condition } = compileRequest(input, engine.keySchema);
  const result = engine.deleteItem(
    wireMap(input.Key),
    writeOptions(condition, input.ReturnValuesOnConditionCheckFailure),
  );
  return {
    ...returnedAttributes(returnValues, result.oldItem, undefined),
    ...writeCapacity(input, engine.tableName, result.oldItem, undefined),
  };
};
