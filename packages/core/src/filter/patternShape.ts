/** A value matched exactly: strings and booleans by equality, numbers by value, `null` only by an explicit null. */
export type ExactValue = string | number | boolean | null;

/** Comparison operators of a `numeric` matcher. */
export type NumericOperator = '=' | '<' | '<=' | '>' | '>=';

/** A `numeric` condition: `["=", 5]`, `["<", 5]`, or a range `[">", 0, "<=", 5]`. */
export type NumericCondition =
  | readonly ['=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['>' | '>=', number, '<' | '<=', number];

/** What `anything-but` excludes: values (all strings or all numbers), or a prefix or suffix. */
export type AnythingBut =
  | string
  | number
  | readonly string[]
  | readonly number[]
  | { readonly prefix: string }
  | { readonly suffix: string };

/** One entry of a field's matcher list; a field matches when any entry matches. */
export type Matcher =
  | ExactValue
  | { readonly prefix: string }
  | { readonly suffix: string }
  | { readonly 'equals-ignore-case': string }
  | { readonly 'anything-but': AnythingBut }
  | { readonly numeric: NumericCondition }
  | { readonly exists: boolean };

/** A filter pattern as JSON: nested objects descend into the record, arrays list matchers, `$or` lists alternatives. */
export interface PatternShape {
  readonly [field: string]: FieldPattern;
}

/** A `$or` alternative; operator names cannot be field names there, so a misplaced matcher fails to type. */
export type OrBranch = PatternShape & { readonly [K in OperatorName]?: never };

/** What a pattern key holds: a matcher list, a nested pattern, or (under `$or`) alternative patterns. */
export type FieldPattern = readonly Matcher[] | PatternShape | readonly OrBranch[];

/** The key whose value lists alternative patterns, any of which may match. */
export const OR_KEY = '$or';

/** Matcher operators Sluice evaluates, as Lambda's filter rule syntax names them. */
export const MATCHER_OPERATORS = [
  'prefix',
  'suffix',
  'equals-ignore-case',
  'anything-but',
  'numeric',
  'exists',
] as const;

/** Operators EventBridge knows that are not part of Lambda's documented filter syntax. */
export const UNSUPPORTED_OPERATORS = ['wildcard', 'cidr'] as const;

type OperatorName = (typeof MATCHER_OPERATORS)[number] | (typeof UNSUPPORTED_OPERATORS)[number];
