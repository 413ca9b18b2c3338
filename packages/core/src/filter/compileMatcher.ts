import { comparableNumber, matchesNumeric } from './numericMatcher.js';
import type { MatcherSpec } from './validateMatcher.js';

/** A test on one scalar value of the record (string, number, boolean or null). */
export type ScalarTest = (value: unknown) => boolean;

const exactNumber = (n: number): ScalarTest => {
  const key = comparableNumber(n);
  // Lambda matches a number both literally and numerically (six decimals), so 5 also matches 5.0000001.
  return (v) =>
    typeof v === 'number' && (v === n || (key !== undefined && comparableNumber(v) === key));
};

const ignoringCase = (expected: string): ScalarTest => {
  const lower = expected.toLowerCase();
  const upper = expected.toUpperCase();
  return (v) => typeof v === 'string' && (v.toLowerCase() === lower || v.toUpperCase() === upper);
};

// anything-but excludes only values of its own kind: every other present value passes,
// including numbers, booleans and null against a list of strings.
const notAnyString = (strings: readonly string[]): ScalarTest => {
  const excluded = new Set(strings);
  return (v) => typeof v !== 'string' || !excluded.has(v);
};

const notAnyNumber = (numbers: readonly number[]): ScalarTest => {
  const excluded = new Set(numbers.map(comparableNumber));
  return (v) => {
    if (typeof v !== 'number') return true;
    const key = comparableNumber(v);
    return key === undefined || !excluded.has(key);
  };
};

/**
 * Turns a value matcher into a scalar test. `exists` is not a scalar test (it depends on whether a
 * value is there at all) and is handled by the pattern compiler.
 */
export const compileMatcher = (m: Exclude<MatcherSpec, { op: 'exists' }>): ScalarTest => {
  switch (m.op) {
    case 'exact': {
      const expected = m.value;
      return typeof expected === 'number' ? exactNumber(expected) : (v) => v === expected;
    }
    case 'prefix': {
      const p = m.value;
      return (v) => typeof v === 'string' && v.startsWith(p);
    }
    case 'suffix': {
      const s = m.value;
      return (v) => typeof v === 'string' && v.endsWith(s);
    }
    case 'equals-ignore-case':
      return ignoringCase(m.value);
    case 'anything-but':
      return notAnyString(m.strings);
    case 'anything-but-number':
      return notAnyNumber(m.numbers);
    case 'anything-but-prefix': {
      const p = m.value;
      return (v) => typeof v !== 'string' || !v.startsWith(p);
    }
    case 'anything-but-suffix': {
      const s = m.value;
      return (v) => typeof v !== 'string' || !v.endsWith(s);
    }
    case 'numeric': {
      const range = m.range;
      return (v) => matchesNumeric(range, v);
    }
  }
};
