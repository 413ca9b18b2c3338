import * as E from 'fp-ts/lib/Either.js';
import { compilePattern } from './compilePattern.js';
import { type InvalidFilter, invalidFilter } from './invalidFilter.js';
import type { PatternShape } from './patternShape.js';
import { type ValidPattern, validatePattern } from './validatePattern.js';

/** Longest `Pattern` string Lambda accepts in a filter. */
export const MAX_PATTERN_LENGTH = 4096;

/** A validated Lambda filter pattern: what is deployed (`json`) and what is evaluated (`matches`) are one. */
export interface FilterPattern {
  readonly _tag: 'FilterPattern';
  /** The pattern, validated and frozen. */
  readonly pattern: PatternShape;
  /** The exact `Pattern` string for the event source mapping's `FilterCriteria`. */
  readonly json: string;
  /** Whether Lambda would deliver this record (the Lambda-shaped `DynamoDBRecord`, or any JSON value). */
  readonly matches: (record: unknown) => boolean;
}

const build = (valid: ValidPattern, json: string): FilterPattern =>
  Object.freeze({
    _tag: 'FilterPattern' as const,
    pattern: valid.shape,
    json,
    matches: compilePattern(valid.spec),
  });

const tooLong = (length: number): E.Either<InvalidFilter, never> =>
  E.left(
    invalidFilter(
      'TooLong',
      [],
      `the pattern is ${length} characters as JSON; Lambda accepts at most ${MAX_PATTERN_LENGTH}`,
    ),
  );

const serialize = (pattern: unknown): E.Either<InvalidFilter, string> => {
  try {
    const json = JSON.stringify(pattern);
    return typeof json === 'string'
      ? E.right(json)
      : E.left(invalidFilter('NotSerializable', [], 'the pattern has no JSON form'));
  } catch (e) {
    // Cycles and bigints are the caller's data, not a bug here: report them as a value.
    return E.left(
      invalidFilter('NotSerializable', [], `the pattern cannot be written as JSON: ${String(e)}`),
    );
  }
};

/** Validates a pattern written in TypeScript and compiles it; its `json` is what to deploy. */
export const filterPattern = (pattern: PatternShape): E.Either<InvalidFilter, FilterPattern> => {
  const written = serialize(pattern);
  if (E.isLeft(written)) return written;
  if (written.right.length > MAX_PATTERN_LENGTH) return tooLong(written.right.length);
  const valid = validatePattern(pattern);
  if (E.isLeft(valid)) return valid;
  return E.right(build(valid.right, JSON.stringify(valid.right.shape)));
};

/** Parses a `Pattern` string as found in `FilterCriteria`, keeping the text exactly as given. */
export const parseFilterPattern = (json: string): E.Either<InvalidFilter, FilterPattern> => {
  if (json.length > MAX_PATTERN_LENGTH) return tooLong(json.length);
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    return E.left(invalidFilter('NotJson', [], `the pattern is not valid JSON: ${String(e)}`));
  }
  const valid = validatePattern(parsed);
  return E.isLeft(valid) ? valid : E.right(build(valid.right, json));
};
