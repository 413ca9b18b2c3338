/** A step into a filter pattern: an object key or an array index. */
export type PatternPath = ReadonlyArray<string | number>;

/** What is wrong with a filter, in a form code can branch on. */
export type InvalidFilterReason =
  | 'NotJson'
  | 'NotSerializable'
  | 'TooLong'
  | 'TooManyFilters'
  | 'InvalidCriteria'
  | 'InvalidStructure'
  | 'EmptyObject'
  | 'EmptyArray'
  | 'InvalidValue'
  | 'UnknownOperator'
  | 'InvalidOperand'
  | 'InvalidNumericRange'
  | 'InvalidOr';

/** A filter pattern or filter criteria that Lambda would refuse, with where and why. */
export interface InvalidFilter {
  readonly _tag: 'InvalidFilter';
  readonly reason: InvalidFilterReason;
  readonly message: string;
  /** Where inside the pattern the problem is; empty for the pattern as a whole. */
  readonly path: PatternPath;
  /** Which filter of a `FilterCriteria` (0-based), when the pattern came from one. */
  readonly filterIndex?: number;
}

/** Renders a path the way a person reads it: `dynamodb.NewImage.price.N[0].numeric`. */
export const renderPath = (path: PatternPath): string =>
  path.reduce<string>(
    (out, step) =>
      typeof step === 'number'
        ? `${out}[${step}]`
        : /^[A-Za-z_$][\w$-]*$/.test(step)
          ? out === ''
            ? step
            : `${out}.${step}`
          : `${out}[${JSON.stringify(step)}]`,
    '',
  );

/** Builds an `InvalidFilter`; the message starts with the path so the problem can be found. */
export const invalidFilter = (
  reason: InvalidFilterReason,
  path: PatternPath,
  problem: string,
): InvalidFilter => ({
  _tag: 'InvalidFilter',
  reason,
  path,
  message: path.length === 0 ? problem : `${renderPath(path)}: ${problem}`,
});

/** Tags an error with the index of the filter it belongs to. */
export const inFilter = (error: InvalidFilter, filterIndex: number): InvalidFilter => ({
  ...error,
  filterIndex,
  message: `Filters[${filterIndex}].Pattern: ${error.message}`,
});
