import { type FilterCriteriaJson, MAX_FILTERS } from '@sluice/core';
import type { Projection, ProjectionFilter } from '../projection/projection.js';

const patternsOf = (filter: ProjectionFilter): readonly string[] =>
  filter._tag === 'FilterPattern' ? [filter.json] : filter.filters.map((f) => f.json);

/**
 * The `FilterCriteria` for an event source mapping feeding these projections: the OR of their
 * filters, so Lambda drops only records no projection reads. `undefined` (deliver everything)
 * when some projection reads every record, or when more than five distinct patterns would be
 * needed; the projections' own filters still apply in code either way.
 */
export const filterCriteriaOf = (
  projections: readonly Pick<Projection, 'filter'>[],
): FilterCriteriaJson | undefined => {
  const patterns = new Set<string>();
  for (const { filter } of projections) {
    const own = filter === undefined ? [] : patternsOf(filter);
    // No filter, or criteria without patterns, lets every record through.
    if (own.length === 0) return undefined;
    for (const pattern of own) patterns.add(pattern);
  }
  if (patterns.size === 0 || patterns.size > MAX_FILTERS) return undefined;
  return { Filters: [...patterns].map((Pattern) => ({ Pattern })) };
};
