import { NumberValueImpl } from '@aws-sdk/util-dynamodb';
import { describeValue } from '../errors/describeValue.js';
import { AttributeProblem } from './attributeFailure.js';
import { DECIMAL_TEXT, INTEGER_TEXT, isExactDouble } from './decimalText.js';

/**
 * What to do with a number a JS `number` cannot hold exactly (more significant digits than a
 * double keeps, or a non-integer beyond 2^53): `fail` with `InexactNumber` (default), or `wrap`
 * it in util-dynamodb's `NumberValue`, whose `.value` is the exact decimal text.
 */
export type InexactNumbers = 'fail' | 'wrap';

// Up to 15 characters of plain digits hold at most 15 significant digits below 2^53: always exact.

// `^[+-]?(?:\d+\.?\d*|\.\d+)$` without a regex: digits with at most one point. At most 15
// characters, such text holds at most 15 significant digits, which a double keeps exactly.
const isShortDecimal = (text: string): boolean => {
  let i = text.charCodeAt(0) === 43 || text.charCodeAt(0) === 45 ? 1 : 0;
  let digits = 0;
  let point = false;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !point) point = true;
    else return false;
  }
  return digits > 0;
};

// Plain digits, the common case, are summed while they are checked (each step below 10^15 is
// exact, so the sum is what `Number` reads); anything else short goes through `Number`.
const shortDecimalValue = (text: string): number | undefined => {
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return isShortDecimal(text) ? Number(text) : undefined;
    value = value * 10 + digit;
  }
  return text.length > 0 ? value : undefined;
};

/**
 * Reads an `N` attribute as util-dynamodb's `unmarshall` does (a `number`, or a `bigint` for
 * integers beyond 2^53), except that a number JS would silently round is never returned rounded.
 */
export const readNumber = (
  text: unknown,
  inexact: InexactNumbers,
): number | bigint | NumberValueImpl | AttributeProblem => {
  if (typeof text !== 'string') {
    return new AttributeProblem(
      'InvalidAttributeValue',
      `N expects a number written as text, got ${describeValue(text)}`,
    );
  }
  if (text.length <= 15) {
    const short = shortDecimalValue(text);
    if (short !== undefined) return short;
  }
  if (!DECIMAL_TEXT.test(text)) {
    return new AttributeProblem(
      'InvalidAttributeValue',
      `N ${describeValue(text)} is not a number`,
    );
  }
  const value = Number(text);
  if (!Number.isFinite(value)) {
    return new AttributeProblem(
      'InvalidAttributeValue',
      `N ${describeValue(text)} is outside DynamoDB's number range`,
    );
  }
  if (value > Number.MAX_SAFE_INTEGER || value < Number.MIN_SAFE_INTEGER) {
    if (INTEGER_TEXT.test(text)) return BigInt(text);
  } else if (isExactDouble(text, value)) {
    return value;
  }
  if (inexact === 'wrap') return NumberValueImpl.from(text);
  return new AttributeProblem(
    'InexactNumber',
    `N ${describeValue(text)} has more precision than a JavaScript number holds; ` +
      `decode with inexactNumbers: 'wrap' and read it with DecimalString to keep every digit`,
  );
};
