import * as E from 'fp-ts/lib/Either.js';
import { type InvalidFilter, invalidFilter, type PatternPath } from './invalidFilter.js';
import type { NumericCondition, NumericOperator } from './patternShape.js';

/** Largest magnitude numeric matching handles, as documented for EventBridge/Lambda filter rules. */
export const NUMERIC_LIMIT = 5e9;

/**
 * The fixed-point form Lambda's matcher compares numbers by: six decimals, range ±5e9.
 * Reproducing its truncation keeps edge cases (`0.1234567` vs `0.1234568`) identical; out of range is `undefined`.
 */
export const comparableNumber = (n: number): number | undefined =>
  Number.isFinite(n) && n >= -NUMERIC_LIMIT && n <= NUMERIC_LIMIT
    ? Math.trunc(1e6 * (NUMERIC_LIMIT + n))
    : undefined;

interface Bound {
  readonly key: number;
  readonly inclusive: boolean;
}

/** A validated `numeric` condition, ready to test values. */
export interface NumericRange {
  readonly condition: NumericCondition;
  readonly lower: Bound | undefined;
  readonly upper: Bound | undefined;
}

const LOWER_OPS: ReadonlySet<string> = new Set(['>', '>=']);
const UPPER_OPS: ReadonlySet<string> = new Set(['<', '<=']);
const ALL_OPS: ReadonlySet<string> = new Set(['=', '<', '<=', '>', '>=']);

const bad = (path: PatternPath, problem: string) =>
  E.left(invalidFilter('InvalidNumericRange', path, problem));

const operand = (value: unknown, path: PatternPath): E.Either<InvalidFilter, number> => {
  if (typeof value !== 'number' || !Number.isFinite(value))
    return bad(path, `expected a number, got ${JSON.stringify(value) ?? String(value)}`);
  if (comparableNumber(value) === undefined)
    return bad(path, `${value} is outside the range numeric matching supports (±${NUMERIC_LIMIT})`);
  return E.right(value === 0 ? 0 : value);
};

const operator = (value: unknown, path: PatternPath): E.Either<InvalidFilter, NumericOperator> =>
  typeof value === 'string' && ALL_OPS.has(value)
    ? E.right(value as NumericOperator)
    : bad(path, `expected one of "=", "<", "<=", ">", ">=", got ${JSON.stringify(value)}`);

const boundOf = (op: NumericOperator, n: number): Bound => ({
  key: comparableNumber(n)!,
  inclusive: op === '=' || op === '<=' || op === '>=',
});

const single = (op: NumericOperator, n: number): NumericRange => ({
  condition: [op, n],
  lower: op === '=' || LOWER_OPS.has(op) ? boundOf(op, n) : undefined,
  upper: op === '=' || UPPER_OPS.has(op) ? boundOf(op, n) : undefined,
});

/** Validates the operand of `numeric`: `[op, n]` or `[">"|">=", low, "<"|"<=", high]` with low < high. */
export const validateNumeric = (
  value: unknown,
  path: PatternPath,
): E.Either<InvalidFilter, NumericRange> => {
  if (!Array.isArray(value) || (value.length !== 2 && value.length !== 4))
    return bad(path, 'numeric takes [operator, number] or [">"|">=", number, "<"|"<=", number]');
  const first = operator(value[0], [...path, 0]);
  if (E.isLeft(first)) return first;
  const low = operand(value[1], [...path, 1]);
  if (E.isLeft(low)) return low;
  if (value.length === 2) return E.right(single(first.right, low.right));
  if (!LOWER_OPS.has(first.right))
    return bad([...path, 0], `a range starts with ">" or ">=", got "${first.right}"`);
  const second = operator(value[2], [...path, 2]);
  if (E.isLeft(second)) return second;
  if (!UPPER_OPS.has(second.right))
    return bad([...path, 2], `a range ends with "<" or "<=", got "${second.right}"`);
  const high = operand(value[3], [...path, 3]);
  if (E.isLeft(high)) return high;
  const lower = boundOf(first.right, low.right);
  const upper = boundOf(second.right, high.right);
  if (lower.key >= upper.key)
    return bad(
      path,
      `the lower bound ${low.right} must be less than the upper bound ${high.right}`,
    );
  return E.right({
    condition: [first.right as '>' | '>=', low.right, second.right as '<' | '<=', high.right],
    lower,
    upper,
  });
};

/** Tests a record value against a numeric range: only JSON numbers within ±5e9 can match, never numeric strings. */
export const matchesNumeric = (range: NumericRange, value: unknown): boolean => {
  if (typeof value !== 'number') return false;
  const key = comparableNumber(value);
  if (key === undefined) return false;
  const { lower, upper } = range;
  if (lower !== undefined && (lower.inclusive ? key < lower.key : key <= lower.key)) return false;
  if (upper !== undefined && (upper.inclusive ? key > upper.key : key >= upper.key)) return false;
  return true;
};
