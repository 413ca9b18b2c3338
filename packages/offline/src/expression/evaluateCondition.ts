import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { AttributeMap } from '../item/attributeMap.js';
import type { Condition, Operand } from './ast.js';
import { compareValues } from './compareValues.js';
import { beginsWith, contains, hasType, sizeOf } from './conditionFunctions.js';
import { readPath } from './readPath.js';

/** The value of an operand for `item`, undefined when its path is missing. */
export const operandValue = (
  operand: Operand,
  item: AttributeMap | undefined,
): AttributeValue | undefined => {
  switch (operand.kind) {
    case 'path':
      return readPath(item, operand.path);
    case 'value':
      return operand.value;
    case 'size':
      return sizeOf(operandValue(operand.operand, item));
  }
};

const evaluateFunction = (
  condition: Extract<Condition, { kind: 'function' }>,
  item: AttributeMap | undefined,
): boolean => {
  const [a, b] = condition.args.map((arg) => operandValue(arg, item));
  switch (condition.name) {
    case 'attribute_exists':
      return a !== undefined;
    case 'attribute_not_exists':
      return a === undefined;
    case 'attribute_type':
      return hasType(a, b);
    case 'begins_with':
      return beginsWith(a, b);
    case 'contains':
      return contains(a, b);
  }
};

/** ConditionExpression/FilterExpression on an item (undefined = no item). */
export const evaluateCondition = (
  condition: Condition,
  item: AttributeMap | undefined,
): boolean => {
  switch (condition.kind) {
    case 'compare':
      return compareValues(
        condition.op,
        operandValue(condition.left, item),
        operandValue(condition.right, item),
      );
    case 'between': {
      const value = operandValue(condition.operand, item);
      return (
        compareValues('>=', value, operandValue(condition.low, item)) &&
        compareValues('<=', value, operandValue(condition.high, item))
      );
    }
    case 'in': {
      const value = operandValue(condition.operand, item);
      return condition.list.some((o) => compareValues('=', value, operandValue(o, item)));
    }
    case 'function':
      return evaluateFunction(condition, item);
    case 'not':
      return !evaluateCondition(condition.condition, item);
    case 'and':
      return evaluateCondition(condition.left, item) && evaluateCondition(condition.right, item);
    case 'or':
      return evaluateCondition(condition.left, item) || evaluateCondition(condition.right, item);
  }
};
