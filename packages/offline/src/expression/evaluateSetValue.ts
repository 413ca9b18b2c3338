import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { AttributeMap } from '../item/attributeMap.js';
import { validationException } from '../table/dynamoDbErrors.js';
import { addDynamoNumbers, formatDynamoNumber, parseDynamoNumber } from '../table/dynamoNumber.js';
import type { SetValue } from './ast.js';
import { missingAttribute, wrongOperandType } from './expressionErrors.js';
import { readPath } from './readPath.js';

const NUMBER_PROBLEMS = {
  notANumber: 'A value provided cannot be converted into a number',
  precision: 'DynamoDB only supports precision up to 38 digits',
  overflow:
    'Number overflow. Attempting to store a number with magnitude larger than supported range',
  underflow:
    'Number underflow. Attempting to store a number with magnitude smaller than supported range',
} as const;

/** `a + b` or `a - b` on DynamoDB numbers, exactly (decimal, 38 digits), as DynamoDB computes it. */
export const addNumbers = (a: string, b: string, subtract = false): AttributeValue => {
  const x = parseDynamoNumber(a);
  const y = parseDynamoNumber(b);
  if (typeof x === 'string' || typeof y === 'string') throw wrongOperandType();
  const sum = addDynamoNumbers(x, subtract ? { ...y, negative: !y.negative } : y);
  if (typeof sum === 'string') throw validationException(NUMBER_PROBLEMS[sum]);
  return { N: formatDynamoNumber(sum) };
};

/** The value a SET action writes, computed on the item as it was before the update. */
export const evaluateSetValue = (value: SetValue, item: AttributeMap): AttributeValue => {
  switch (value.kind) {
    case 'value':
      return value.value;
    case 'path': {
      const found = readPath(item, value.path);
      if (found === undefined) throw missingAttribute();
      return found;
    }
    case 'if_not_exists': {
      // The fallback is evaluated even when it is not taken: a missing path there is an error.
      const fallback = evaluateSetValue(value.fallback, item);
      return readPath(item, value.path) ?? fallback;
    }
    case 'list_append': {
      const first = evaluateSetValue(value.first, item);
      const second = evaluateSetValue(value.second, item);
      if (first.L === undefined || second.L === undefined) throw wrongOperandType();
      return { L: [...first.L, ...second.L] };
    }
    case 'arithmetic': {
      const left = evaluateSetValue(value.left, item);
      const right = evaluateSetValue(value.right, item);
      if (left.N === undefined || right.N === undefined) throw wrongOperandType();
      return addNumbers(left.N, right.N, value.op === '-');
    }
  }
};
