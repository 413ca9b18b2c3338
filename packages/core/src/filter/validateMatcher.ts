import * as E from 'fp-ts/lib/Either.js';
import { type InvalidFilter, invalidFilter, type PatternPath } from './invalidFilter.js';
import { comparableNumber, type NumericRange, validateNumeric } from './numericMatcher.js';
import {
  type ExactValue,
  MATCHER_OPERATORS,
  type Matcher,
  UNSUPPORTED_OPERATORS,
} from './patternShape.js';
import { describe, frozenObject, isPlainObject } from './safeJson.js';

/** One validated matcher, in the form the compiler turns into a predicate. */
export type MatcherSpec =
  | { readonly op: 'exact'; readonly value: ExactValue }
  | { readonly op: 'prefix' | 'suffix' | 'equals-ignore-case'; readonly value: string }
  | { readonly op: 'anything-but'; readonly strings: readonly string[] }
  | { readonly op: 'anything-but-number'; readonly numbers: readonly number[] }
  | { readonly op: 'anything-but-prefix' | 'anything-but-suffix'; readonly value: string }
  | { readonly op: 'numeric'; readonly range: NumericRange }
  | { readonly op: 'exists'; readonly value: boolean };

/** A matcher that passed validation: its frozen copy (to serialize) and its spec (to compile). */
export interface ValidMatcher {
  readonly shape: Matcher;
  readonly spec: MatcherSpec;
}

type Result<A> = E.Either<InvalidFilter, A>;

const MATCHER_NAMES = MATCHER_OPERATORS.join(', ');

/** An `InvalidFilter` as a failed result. */
export const fail = (
  reason: InvalidFilter['reason'],
  path: PatternPath,
  problem: string,
): Result<never> => E.left(invalidFilter(reason, path, problem));

const finiteNumber = (n: number, path: PatternPath): Result<number> =>
  Number.isFinite(n)
    ? E.right(n === 0 ? 0 : n)
    : fail('InvalidValue', path, `${n} is not a JSON number`);

const stringOperand = (op: string, value: unknown, path: PatternPath): Result<string> =>
  typeof value === 'string'
    ? E.right(value)
    : fail('InvalidOperand', path, `${op} takes a string, got ${describe(value)}`);

const anythingButNumber = (n: unknown, path: PatternPath): Result<number> => {
  if (typeof n !== 'number' || !Number.isFinite(n))
    return fail('InvalidOperand', path, `expected a number, got ${describe(n)}`);
  return comparableNumber(n) === undefined
    ? fail('InvalidOperand', path, `${n} is outside the range numeric matching supports (±5e9)`)
    : E.right(n === 0 ? 0 : n);
};

const anythingButList = (values: readonly unknown[], path: PatternPath): Result<ValidMatcher> => {
  if (values.length === 0) return fail('EmptyArray', path, 'anything-but needs at least one value');
  if (values.every((v) => typeof v === 'string')) {
    const strings = Object.freeze([...(values as string[])]);
    return E.right({ shape: { 'anything-but': strings }, spec: { op: 'anything-but', strings } });
  }
  if (!values.every((v) => typeof v === 'number'))
    return fail(
      'InvalidOperand',
      path,
      'anything-but lists hold only strings or only numbers, not a mix',
    );
  const numbers: number[] = [];
  for (const [i, v] of values.entries()) {
    const n = anythingButNumber(v, [...path, i]);
    if (E.isLeft(n)) return n;
    numbers.push(n.right);
  }
  Object.freeze(numbers);
  return E.right({
    shape: { 'anything-but': numbers },
    spec: { op: 'anything-but-number', numbers },
  });
};

const anythingBut = (operand: unknown, path: PatternPath): Result<ValidMatcher> => {
  if (typeof operand === 'string')
    return E.right({
      shape: { 'anything-but': operand },
      spec: { op: 'anything-but', strings: [operand] },
    });
  if (typeof operand === 'number')
    return E.map((n: number) => ({
      shape: { 'anything-but': n } as Matcher,
      spec: { op: 'anything-but-number', numbers: [n] } as MatcherSpec,
    }))(anythingButNumber(operand, path));
  if (Array.isArray(operand)) return anythingButList(operand, path);
  if (!isPlainObject(operand))
    return fail(
      'InvalidOperand',
      path,
      `anything-but takes a value, a list, {prefix} or {suffix}; got ${describe(operand)}`,
    );
  const keys = Object.keys(operand);
  const [key] = keys;
  if (keys.length !== 1 || (key !== 'prefix' && key !== 'suffix'))
    return fail(
      'InvalidOperand',
      path,
      'anything-but takes an object with exactly one key: prefix or suffix',
    );
  const value = operand[key];
  if (typeof value !== 'string' || value === '')
    return fail('InvalidOperand', [...path, key], `anything-but ${key} takes a non-empty string`);
  return E.right({
    shape: { 'anything-but': frozenObject([[key, value]]) } as Matcher,
    spec: { op: key === 'prefix' ? 'anything-but-prefix' : 'anything-but-suffix', value },
  });
};

const operatorMatcher = (op: string, operand: unknown, path: PatternPath): Result<ValidMatcher> => {
  const at = [...path, op];
  switch (op) {
    case 'prefix':
    case 'suffix':
    case 'equals-ignore-case':
      return E.map((value: string) => ({ shape: { [op]: value } as Matcher, spec: { op, value } }))(
        stringOperand(op, operand, at),
      );
    case 'exists':
      return typeof operand === 'boolean'
        ? E.right({ shape: { exists: operand }, spec: { op: 'exists', value: operand } })
        : fail('InvalidOperand', at, `exists takes true or false, got ${describe(operand)}`);
    case 'numeric':
      return E.map((range: NumericRange) => ({
        shape: { numeric: Object.freeze(range.condition) } as Matcher,
        spec: { op: 'numeric', range } as MatcherSpec,
      }))(validateNumeric(operand, at));
    case 'anything-but':
      return anythingBut(operand, at);
    default:
      return (UNSUPPORTED_OPERATORS as readonly string[]).includes(op)
        ? fail('UnknownOperator', at, `"${op}" is not supported by Sluice's filter evaluator`)
        : fail('UnknownOperator', at, `unknown operator "${op}"; expected one of ${MATCHER_NAMES}`);
  }
};

/** Validates one entry of a matcher list: an exact value or a single-operator object. */
export const validateMatcher = (m: unknown, path: PatternPath): Result<ValidMatcher> => {
  if (m === null || typeof m === 'string' || typeof m === 'boolean')
    return E.right({ shape: m, spec: { op: 'exact', value: m } });
  if (typeof m === 'number')
    return E.map((n: number) => ({
      shape: n as Matcher,
      spec: { op: 'exact', value: n } as MatcherSpec,
    }))(finiteNumber(m, path));
  if (!isPlainObject(m))
    return fail(
      'InvalidValue',
      path,
      `a matcher is a string, number, boolean, null or {operator: …}; got ${describe(m)}`,
    );
  const keys = Object.keys(m);
  const [op] = keys;
  if (op === undefined) return fail('EmptyObject', path, 'a matcher object needs an operator');
  if (keys.length > 1)
    return fail(
      'InvalidStructure',
      path,
      `a matcher object has exactly one operator, got ${keys.join(', ')}`,
    );
  return operatorMatcher(op, m[op], path);
};
