import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { type FilterPattern, filterPattern, parseFilterPattern } from './filterPattern.js';
import { type InvalidFilter, inFilter, invalidFilter } from './invalidFilter.js';
import type { PatternShape } from './patternShape.js';

/** Most filters an event source mapping takes by default; Lambda ORs them. */
export const MAX_FILTERS = 5;

/** io-ts codec for the `FilterCriteria` JSON of an event source mapping. */
export const FilterCriteriaJsonCodec = t.type({
  Filters: t.array(t.type({ Pattern: t.string })),
});

/** `{ "Filters": [{ "Pattern": "<json>" }] }`, as `CreateEventSourceMapping` and CloudFormation take it. */
export type FilterCriteriaJson = t.TypeOf<typeof FilterCriteriaJsonCodec>;

/** Up to five validated filters; a record is delivered when any one matches (all records when there are none). */
export interface FilterCriteria {
  readonly _tag: 'FilterCriteria';
  readonly filters: readonly FilterPattern[];
}

const isFilterPattern = (p: FilterPattern | PatternShape): p is FilterPattern =>
  (p as { _tag?: unknown })._tag === 'FilterPattern' &&
  typeof (p as { matches?: unknown }).matches === 'function';

const fromPatterns = (
  patterns: ReadonlyArray<() => E.Either<InvalidFilter, FilterPattern>>,
): E.Either<InvalidFilter, FilterCriteria> => {
  if (patterns.length > MAX_FILTERS)
    return E.left(
      invalidFilter(
        'TooManyFilters',
        [],
        `${patterns.length} filters given; an event source mapping takes at most ${MAX_FILTERS}`,
      ),
    );
  const filters: FilterPattern[] = [];
  for (const [i, make] of patterns.entries()) {
    const made = make();
    if (E.isLeft(made)) return E.left(inFilter(made.left, i));
    filters.push(made.right);
  }
  return E.right(
    Object.freeze({ _tag: 'FilterCriteria' as const, filters: Object.freeze(filters) }),
  );
};

/** Combines up to five filters (validated patterns or pattern objects) into filter criteria. */
export const filterCriteria = (
  ...patterns: ReadonlyArray<FilterPattern | PatternShape>
): E.Either<InvalidFilter, FilterCriteria> =>
  fromPatterns(patterns.map((p) => () => (isFilterPattern(p) ? E.right(p) : filterPattern(p))));

/** Whether Lambda would deliver the record under these criteria: any filter matches, or there are none. */
export const matchesFilterCriteria = (criteria: FilterCriteria, record: unknown): boolean => {
  const { filters } = criteria;
  if (filters.length === 0) return true;
  for (const filter of filters) if (filter.matches(record)) return true;
  return false;
};

/** The `FilterCriteria` JSON to deploy; each `Pattern` is exactly the string that was tested. */
export const toFilterCriteriaJson = (criteria: FilterCriteria): FilterCriteriaJson => ({
  Filters: criteria.filters.map((f) => ({ Pattern: f.json })),
});

const fromJsonText = (text: string): E.Either<InvalidFilter, unknown> => {
  try {
    return E.right(JSON.parse(text));
  } catch (e) {
    return E.left(
      invalidFilter('NotJson', [], `the filter criteria are not valid JSON: ${String(e)}`),
    );
  }
};

/** Parses deployed `FilterCriteria` (the object, or its JSON text) back into validated criteria. */
export const parseFilterCriteria = (input: unknown): E.Either<InvalidFilter, FilterCriteria> => {
  const parsed = typeof input === 'string' ? fromJsonText(input) : E.right(input);
  if (E.isLeft(parsed)) return parsed;
  const decoded = FilterCriteriaJsonCodec.decode(parsed.right);
  if (E.isLeft(decoded))
    return E.left(
      invalidFilter(
        'InvalidCriteria',
        [],
        'filter criteria must look like {"Filters": [{"Pattern": "<JSON string>"}, …]}',
      ),
    );
  return fromPatterns(
    decoded.right.Filters.map(
      ({ Pattern }) =>
        () =>
          parseFilterPattern(Pattern),
    ),
  );
};
