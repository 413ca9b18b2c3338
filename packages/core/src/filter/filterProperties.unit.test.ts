import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  filterCriteria,
  matchesFilterCriteria,
  parseFilterCriteria,
  toFilterCriteriaJson,
} from './filterCriteria.js';
import {
  type FilterPattern,
  filterPattern,
  MAX_PATTERN_LENGTH,
  parseFilterPattern,
} from './filterPattern.js';
import { comparableNumber, NUMERIC_LIMIT } from './numericMatcher.js';
import {
  type AnythingBut,
  MATCHER_OPERATORS,
  type Matcher,
  type PatternShape,
  UNSUPPORTED_OPERATORS,
} from './patternShape.js';
import { ttlRemovals, userRemovals } from './readyMadePatterns.js';

const RUNS = { numRuns: 200 };
const reserved: ReadonlySet<string> = new Set([
  '$or',
  ...MATCHER_OPERATORS,
  ...UNSUPPORTED_OPERATORS,
]);

const valid = (pattern: PatternShape): FilterPattern => {
  const made = filterPattern(pattern);
  if (E.isLeft(made)) throw new Error(made.left.message);
  return made.right;
};

const inRange = fc.double({ min: -NUMERIC_LIMIT, max: NUMERIC_LIMIT, noNaN: true });

const numericCondition = fc.oneof(
  fc.tuple(fc.constantFrom('=', '<', '<=', '>', '>=' as const), inRange),
  fc
    .tuple(
      fc.constantFrom('>', '>=' as const),
      inRange,
      fc.constantFrom('<', '<=' as const),
      inRange,
    )
    .filter(([, low, , high]) => comparableNumber(low)! < comparableNumber(high)!),
);

/** Matchers over the given strings and numbers, covering every operator. */
const matcherOf = (str: fc.Arbitrary<string>, num: fc.Arbitrary<number>): fc.Arbitrary<Matcher> =>
  fc.oneof(
    str,
    num,
    fc.boolean(),
    fc.constant(null),
    str.map((s) => ({ prefix: s })),
    str.map((s) => ({ suffix: s })),
    str.map((s) => ({ 'equals-ignore-case': s })),
    str.map((s) => ({ 'anything-but': s })),
    fc.array(str, { minLength: 1, maxLength: 3 }).map((a) => ({ 'anything-but': a })),
    inRange.map((n) => ({ 'anything-but': n })),
    fc.array(inRange, { minLength: 1, maxLength: 3 }).map((a) => ({ 'anything-but': a })),
    str.filter((s) => s !== '').map((s) => ({ 'anything-but': { prefix: s } })),
    str.filter((s) => s !== '').map((s) => ({ 'anything-but': { suffix: s } })),
    numericCondition.map((c) => ({ numeric: c }) as Matcher),
    fc.boolean().map((b) => ({ exists: b })),
  );

/** Valid patterns (including `$or`), within Lambda's length limit. */
const patternOf = (
  key: fc.Arbitrary<string>,
  matcher: fc.Arbitrary<Matcher>,
  maxKeys: number,
): fc.Arbitrary<PatternShape> => {
  const { node } = fc.letrec<{ node: PatternShape; field: PatternShape[string] }>((tie) => ({
    node: fc
      .tuple(
        fc.dictionary(key, tie('field'), { minKeys: 1, maxKeys }),
        fc.option(fc.array(tie('node'), { minLength: 2, maxLength: 3 }), {
          nil: undefined,
          freq: 5,
          depthSize: 'small',
          maxDepth: 2,
          depthIdentifier: 'pattern',
        }),
      )
      .map(([fields, or]) => (or === undefined ? fields : { ...fields, $or: or })),
    field: fc.oneof(
      { depthSize: 'small', maxDepth: 3, depthIdentifier: 'pattern' },
      fc.array(matcher, { minLength: 1, maxLength: 2 }),
      tie('node'),
    ),
  }));
  return node.filter((p) => JSON.stringify(p).length <= MAX_PATTERN_LENGTH);
};

const anyKey = fc.string({ unit: 'binary', maxLength: 6 }).filter((k) => !reserved.has(k));
const anyPattern = patternOf(
  anyKey,
  matcherOf(
    fc.string({ unit: 'binary', maxLength: 6 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  ),
  3,
);

// A small vocabulary makes generated records actually match generated patterns.
const smallKey = fc.constantFrom('a', 'b', 'c');
const smallString = fc.constantFrom('x', 'y', 'xy', '');
const smallNumber = fc.constantFrom(-1, 0, 1, 2.5);
const smallPattern = patternOf(smallKey, matcherOf(smallString, smallNumber), 2);
const { value: smallRecord } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    smallString,
    smallNumber,
    fc.boolean(),
    fc.constant(null),
    fc.dictionary(smallKey, tie('value'), { maxKeys: 3 }),
    fc.array(tie('value'), { maxLength: 3 }),
  ),
}));
const smallObjectRecord = fc.dictionary(smallKey, smallRecord, { minKeys: 1, maxKeys: 3 });

describe('filter patterns, property-based', () => {
  it('serializing a pattern and parsing it back gives the same pattern and the same JSON', () => {
    fc.assert(
      fc.property(anyPattern, (shape) => {
        const made = valid(shape);
        const parsed = parseFilterPattern(made.json);
        expect(E.isRight(parsed)).toBe(true);
        if (E.isRight(parsed)) {
          expect(parsed.right.pattern).toEqual(made.pattern);
          expect(parsed.right.json).toBe(made.json);
        }
      }),
      RUNS,
    );
  });

  it('criteria serialized to FilterCriteria JSON parse back to the same filters', () => {
    fc.assert(
      fc.property(fc.array(anyPattern, { minLength: 0, maxLength: 5 }), (shapes) => {
        const made = filterCriteria(...shapes);
        if (E.isLeft(made)) throw new Error(made.left.message);
        const json = toFilterCriteriaJson(made.right);
        const parsed = parseFilterCriteria(JSON.stringify(json));
        expect(E.isRight(parsed) && toFilterCriteriaJson(parsed.right)).toEqual(json);
      }),
      { numRuns: 100 },
    );
  });

  it('evaluation never throws on arbitrary JSON records and always answers a boolean', () => {
    fc.assert(
      fc.property(anyPattern, fc.jsonValue(), (shape, record) => {
        expect(typeof valid(shape).matches(record)).toBe('boolean');
      }),
      RUNS,
    );
    fc.assert(
      fc.property(smallPattern, smallRecord, (shape, record) => {
        expect(typeof valid(shape).matches(record)).toBe('boolean');
      }),
      RUNS,
    );
  });

  it('the pattern the parser returns evaluates exactly like the one it was serialized from', () => {
    fc.assert(
      fc.property(smallPattern, smallObjectRecord, (shape, record) => {
        const made = valid(shape);
        const parsed = parseFilterPattern(made.json);
        expect(E.isRight(parsed) && parsed.right.matches(record)).toBe(made.matches(record));
      }),
      RUNS,
    );
  });

  it('anything-but [v] is the negation of [v] wherever the field holds a value', () => {
    const value = fc.oneof(smallString, fc.string({ maxLength: 4 }), smallNumber, inRange);
    const recordValue = fc.oneof(
      value,
      fc.boolean(),
      fc.constant(null),
      fc.double({ noNaN: true }),
    );
    fc.assert(
      fc.property(value, recordValue, fc.boolean(), (v, x, sameValue) => {
        const actual = sameValue ? v : x;
        const excluded: AnythingBut = typeof v === 'string' ? [v] : [v];
        const exact = valid({ dynamodb: { NewImage: { f: { S: [v] } } } });
        const not = valid({ dynamodb: { NewImage: { f: { S: [{ 'anything-but': excluded }] } } } });
        const record = { dynamodb: { NewImage: { f: { S: actual } } } };
        expect(not.matches(record)).toBe(!exact.matches(record));
      }),
      RUNS,
    );
  });

  it('criteria of several filters match exactly when one of them does, and equal a single $or pattern', () => {
    fc.assert(
      fc.property(
        fc.array(smallPattern, { minLength: 2, maxLength: 5 }),
        smallObjectRecord,
        (shapes, record) => {
          const criteria = filterCriteria(...shapes);
          if (E.isLeft(criteria)) throw new Error(criteria.left.message);
          const anyMatches = shapes.some((s) => valid(s).matches(record));
          expect(matchesFilterCriteria(criteria.right, record)).toBe(anyMatches);
          const combined = filterPattern({ $or: shapes });
          // The combined pattern may exceed the length limit; when it fits, it must agree.
          if (E.isRight(combined)) expect(combined.right.matches(record)).toBe(anyMatches);
        },
      ),
      RUNS,
    );
  });

  it('among REMOVE records, userRemovals matches exactly those ttlRemovals does not', () => {
    const identityValue = fc.oneof(
      fc.constantFrom('Service', 'dynamodb.amazonaws.com', 'User', 'AIDAEXAMPLE'),
      fc.constant(null),
      fc.integer(),
    );
    const userIdentity = fc.option(
      fc.record({ type: identityValue, principalId: identityValue }, { requiredKeys: [] }),
      { nil: undefined },
    );
    fc.assert(
      fc.property(userIdentity, (identity) => {
        const record = {
          eventName: 'REMOVE',
          ...(identity === undefined ? {} : { userIdentity: identity }),
        };
        expect(userRemovals.matches(record)).toBe(!ttlRemovals.matches(record));
      }),
      RUNS,
    );
  });
});
