import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalDecimal, DECIMAL_TEXT, isExactDouble } from './decimalText.js';

describe('canonicalDecimal', () => {
  it('writes equal values the same way whatever the notation', () => {
    for (const text of ['1.50', '15e-1', '0.15E1', '+1.5', '001.5000']) {
      expect(canonicalDecimal(text)).toBe('15e-1');
    }
    expect(canonicalDecimal('-0.00')).toBe('0');
    expect(canonicalDecimal('1200')).toBe('12e2');
  });

  it('gives a double one canonical form in plain and in exponent notation, and finds it exact', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = String(n);
        expect(DECIMAL_TEXT.test(text)).toBe(true);
        expect(isExactDouble(text, n)).toBe(true);
        expect(canonicalDecimal(text)).toBe(canonicalDecimal(n.toExponential()));
      }),
    );
  });

  it('tells a digit lost to rounding', () => {
    expect(isExactDouble('0.1', 0.1)).toBe(true);
    expect(isExactDouble('9007199254740993', 9007199254740992)).toBe(false);
    expect(isExactDouble('0.10000000000000000001', 0.1)).toBe(false);
  });
});
