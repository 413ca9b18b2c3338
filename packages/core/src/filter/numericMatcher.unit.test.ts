import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  comparableNumber,
  matchesNumeric,
  NUMERIC_LIMIT,
  validateNumeric,
} from './numericMatcher.js';

const range = (condition: unknown) => {
  const r = validateNumeric(condition, ['numeric']);
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};

describe('comparableNumber', () => {
  it('keeps six decimals and drops the rest, as Lambda compares', () => {
    expect(comparableNumber(1.0000001)).toBe(comparableNumber(1));
    expect(comparableNumber(1.000001)).not.toBe(comparableNumber(1));
  });

  it('preserves order across the range', () => {
    const xs = [-NUMERIC_LIMIT, -1.5, -0.000001, 0, 0.000001, 1, 1678831218.25, NUMERIC_LIMIT];
    const keys = xs.map((x) => comparableNumber(x)!);
    expect([...keys].sort((a, b) => a - b)).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has no form outside ±5e9 or for non-finite numbers', () => {
    for (const x of [
      NUMERIC_LIMIT * 1.0001,
      -NUMERIC_LIMIT * 1.0001,
      Number.NaN,
      Number.POSITIVE_INFINITY,
    ])
      expect(comparableNumber(x)).toBeUndefined();
  });
});

describe('matchesNumeric', () => {
  it.each([
    [['=', 3.018e2], 301.8, true],
    [['=', 0], -0, true],
    [['<', 0], -0.000001, true],
    [['<', 0], -0.0000001, false],
    [['>=', 1, '<', 2], 1, true],
    [['>=', 1, '<', 2], 2, false],
    [['>', 1, '<=', 2], 2, true],
    [['<=', NUMERIC_LIMIT], NUMERIC_LIMIT, true],
  ] as const)('%j with %d → %s', (condition, value, expected) => {
    expect(matchesNumeric(range(condition), value)).toBe(expected);
  });

  it('matches only numbers', () => {
    const positive = range(['>', 0]);
    for (const v of ['5', true, null, undefined, [5], { N: '5' }])
      expect(matchesNumeric(positive, v)).toBe(false);
  });
});
