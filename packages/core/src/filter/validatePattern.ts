import * as E from 'fp-ts/lib/Either.js';
import type { InvalidFilter, PatternPath } from './invalidFilter.js';
import {
  MATCHER_OPERATORS,
  type Matcher,
  OR_KEY,
  type PatternShape,
  UNSUPPORTED_OPERATORS,
} from './patternShape.js';
import { describe, frozenObject, isPlainObject } from './safeJson.js';
import { fail, type MatcherSpec, validateMatcher } from './validateMatcher.js';

/** A field whose value is a matcher list; `recordPath` is where it sits in the record (for `exists: false`). */
export interface LeafSpec {
  readonly kind: 'leaf';
  readonly recordPath: readonly string[];
  readonly matchers: readonly MatcherSpec[];
}

/** A nested pattern object: every field must match, and one branch of each `$or`. */
export interface ObjectSpec {
  readonly kind: 'object';
  readonly fields: ReadonlyArray<{ readonly key: string; readonly spec: ObjectSpec | LeafSpec }>;
  readonly alternatives: ReadonlyArray<readonly ObjectSpec[]>;
}

/** A pattern that passed validation: a frozen copy of it, and the spec to compile. */
export interface ValidPattern {
  readonly shape: PatternShape;
  readonly spec: ObjectSpec;
}

type Result<A> = E.Either<InvalidFilter, A>;

const RESERVED_IN_OR: ReadonlySet<string> = new Set([
  ...MATCHER_OPERATORS,
  ...UNSUPPORTED_OPERATORS,
]);

const validateLeaf = (
  list: readonly unknown[],
  path: PatternPath,
  recordPath: readonly string[],
): Result<{ shape: readonly Matcher[]; spec: LeafSpec }> => {
  if (list.length === 0)
    return fail('EmptyArray', path, 'a matcher list needs at least one matcher');
  const shapes: Matcher[] = [];
  const specs: MatcherSpec[] = [];
  for (const [i, m] of list.entries()) {
    const r = validateMatcher(m, [...path, i]);
    if (E.isLeft(r)) return r;
    shapes.push(r.right.shape);
    specs.push(r.right.spec);
  }
  return E.right({
    shape: Object.freeze(shapes),
    spec: { kind: 'leaf', recordPath, matchers: specs },
  });
};

const validateOr = (
  value: unknown,
  path: PatternPath,
  recordPath: readonly string[],
): Result<{ shape: readonly PatternShape[]; specs: readonly ObjectSpec[] }> => {
  if (!Array.isArray(value) || value.length < 2)
    return fail('InvalidOr', path, '$or takes an array of at least two pattern objects');
  const shapes: PatternShape[] = [];
  const specs: ObjectSpec[] = [];
  for (const [i, branch] of value.entries()) {
    if (!isPlainObject(branch))
      return fail(
        'InvalidOr',
        [...path, i],
        `each $or branch is a pattern object, got ${describe(branch)}`,
      );
    const r = validateObject(branch, [...path, i], recordPath, true);
    if (E.isLeft(r)) return r;
    shapes.push(r.right.shape);
    specs.push(r.right.spec);
  }
  return E.right({ shape: Object.freeze(shapes), specs });
};

function validateObject(
  value: Readonly<Record<string, unknown>>,
  path: PatternPath,
  recordPath: readonly string[],
  insideOr: boolean,
): Result<ValidPattern> {
  const keys = Object.keys(value);
  if (keys.length === 0)
    return fail('EmptyObject', path, 'a pattern object needs at least one field');
  const entries: Array<readonly [string, unknown]> = [];
  const fields: Array<{ key: string; spec: ObjectSpec | LeafSpec }> = [];
  const alternatives: Array<readonly ObjectSpec[]> = [];
  for (const key of keys) {
    const child = value[key];
    const at = [...path, key];
    if (key === OR_KEY) {
      const r = validateOr(child, at, recordPath);
      if (E.isLeft(r)) return r;
      entries.push([key, r.right.shape]);
      alternatives.push(r.right.specs);
      continue;
    }
    // Inside $or an operator name is almost always a misplaced matcher, so Lambda's matcher refuses it.
    if (insideOr && RESERVED_IN_OR.has(key))
      return fail(
        'InvalidOr',
        at,
        `"${key}" is a matcher operator; inside $or it cannot name a field`,
      );
    const r = Array.isArray(child)
      ? validateLeaf(child, at, [...recordPath, key])
      : isPlainObject(child)
        ? validateObject(child, at, [...recordPath, key], insideOr)
        : fail(
            'InvalidStructure',
            at,
            `must be an object or an array of matchers, got ${describe(child)}`,
          );
    if (E.isLeft(r)) return r;
    entries.push([key, r.right.shape]);
    fields.push({ key, spec: r.right.spec });
  }
  return E.right({
    shape: frozenObject(entries) as PatternShape,
    spec: { kind: 'object', fields, alternatives },
  });
}

/** Validates a filter pattern as Lambda's filter rule syntax defines it, returning a frozen copy and its spec. */
export const validatePattern = (pattern: unknown): Result<ValidPattern> =>
  isPlainObject(pattern)
    ? validateObject(pattern, [], [], false)
    : fail('InvalidStructure', [], `a filter pattern is a JSON object, got ${describe(pattern)}`);
