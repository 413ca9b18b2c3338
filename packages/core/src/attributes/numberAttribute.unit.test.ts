import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECIMAL_TEXT } from './decimalText.js';
import { readNumber } from './numberAttribute.js';

// Short texts over the characters numbers are written with, so most are near misses.
const numberLike = fc.string({ unit: fc.constantFrom(...'0123456789.+-eE x'), maxLength: 16 });

describe('readNumber', () => {
  it('reads a short text as Number does exactly when it is a DynamoDB number, and refuses the rest', () => {
    fc.assert(
      fc.property(numberLike, (text) => {
        const value = readNumber(text, 'fail');
        if (DECIMAL_TEXT.test(text) && typeof value === 'number') expect(value).toBe(Number(text));
        else if (!DECIMAL_TEXT.test(text)) expect(typeof value).toBe('object');
      }),
      { numRuns: 2000 },
    );
  });

  it('reads plain digit strings of up to 15 digits (leading zeros too) as Number does', () => {
    const digits = fc.string({
      unit: fc.constantFrom(...'0123456789'),
      minLength: 1,
      maxLength: 15,
    });
    fc.assert(
      fc.property(digits, (text) => {
        expect(readNumber(text, 'fail')).toBe(Number(text));
      }),
      { numRuns: 2000 },
    );
    expect(readNumber('999999999999999', 'fail')).toBe(999999999999999);
  });

  it('reads plain short decimals, signs and lone points included', () => {
    for (const text of ['0', '-0', '+7', '1.', '.5', '-.5', '123456789012345', '1.5'])
      expect(readNumber(text, 'fail')).toBe(Number(text));
    for (const text of ['', '.', '-', '+.', '1..2', '1-2', ' 1', '1 '])
      expect(typeof readNumber(text, 'fail')).toBe('object');
  });
});
