import { NumberValueImpl } from '@aws-sdk/util-dynamodb';
import * as t from 'io-ts';
import { DECIMAL_TEXT } from './decimalText.js';

/**
 * io-ts codec reading a number attribute as its exact decimal text, whatever form unmarshalling
 * gave it: `number`, `bigint`, `NumberValue` (decoders with `inexactNumbers: 'wrap'`) or decimal
 * text. Use it for amounts that must keep every digit DynamoDB stores (up to 38).
 */
export const DecimalString = new t.Type<string, string, unknown>(
  'DecimalString',
  (u): u is string => typeof u === 'string' && DECIMAL_TEXT.test(u),
  (u, c) => {
    const text = decimalTextOf(u);
    return text === undefined ? t.failure(u, c) : t.success(text);
  },
  (s) => s,
);

/** The decimal text of a value unmarshalling may give for an `N`, or `undefined` if it is none. */
export const decimalTextOf = (u: unknown): string | undefined => {
  if (typeof u === 'number') return Number.isFinite(u) ? String(u) : undefined;
  if (typeof u === 'bigint') return u.toString();
  if (u instanceof NumberValueImpl) return DECIMAL_TEXT.test(u.value) ? u.value : undefined;
  if (typeof u === 'string') return DECIMAL_TEXT.test(u) ? u : undefined;
  return undefined;
};
