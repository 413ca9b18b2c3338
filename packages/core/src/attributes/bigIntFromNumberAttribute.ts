import * as t from 'io-ts';
import { decimalTextOf } from './decimalString.js';
import { canonicalDecimal } from './decimalText.js';

// DynamoDB numbers stay below 10^126; a longer exponent is not a DynamoDB number.
const MAX_EXPONENT = 126;

/** The exact integer a decimal text stands for (`"1.5e1"` → 15n), or `undefined` if it has a fraction. */
const integerOf = (text: string): bigint | undefined => {
  const canonical = canonicalDecimal(text);
  if (canonical === '0') return 0n;
  const [digits = '', exponentText = '0'] = canonical.split('e');
  const exponent = Number(exponentText);
  if (exponent < 0 || exponent > MAX_EXPONENT) return undefined;
  return BigInt(digits + '0'.repeat(exponent));
};

/**
 * io-ts codec reading a whole-number attribute as an exact `bigint`, from any form unmarshalling
 * may give it (`number`, `bigint`, `NumberValue`, decimal text). Use it for counters and ids that
 * may pass 2^53; a fraction is a failure, never truncated.
 */
export const BigIntFromNumberAttribute = new t.Type<bigint, bigint, unknown>(
  'BigIntFromNumberAttribute',
  (u): u is bigint => typeof u === 'bigint',
  (u, c) => {
    if (typeof u === 'bigint') return t.success(u);
    if (typeof u === 'number' && !Number.isSafeInteger(u)) return t.failure(u, c);
    const text = decimalTextOf(u);
    const value = text === undefined ? undefined : integerOf(text);
    return value === undefined ? t.failure(u, c) : t.success(value);
  },
  (b) => b,
);
