import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { typeOf } from '../item/attributeMap.js';
import { valuesEqual } from '../table/attributesEqual.js';
import { compareKeyValues } from '../table/keyOrder.js';
import type { Comparator } from './ast.js';

/** Order of two values of one scalar type (N, S or B), else undefined: such values never compare. */
export const orderOf = (a: AttributeValue, b: AttributeValue): number | undefined => {
  const type = typeOf(a);
  if (type !== typeOf(b) || (type !== 'N' && type !== 'S' && type !== 'B')) return undefined;
  return compareKeyValues(type, a, b);
};

/**
 * A comparison as DynamoDB evaluates it: a missing operand or operands of different types make
 * every comparison false except `<>`, which is then true.
 */
export const compareValues = (
  op: Comparator,
  a: AttributeValue | undefined,
  b: AttributeValue | undefined,
): boolean => {
  const equal = a !== undefined && b !== undefined && valuesEqual(a, b);
  if (op === '=') return equal;
  if (op === '<>') return !equal;
  if (a === undefined || b === undefined) return false;
  const order = orderOf(a, b);
  if (order === undefined) return false;
  switch (op) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
};
