import { describe, expect, it } from 'vitest';
import type { ProjectionFilter, ProjectionFilterPattern } from '../projection/projection.js';
import { filterCriteriaOf } from './filterCriteriaOf.js';

const pattern = (json: string): ProjectionFilterPattern => ({
  _tag: 'FilterPattern',
  json,
  matches: () => true,
});
const criteria = (...filters: ProjectionFilterPattern[]): ProjectionFilter => ({
  _tag: 'FilterCriteria',
  filters,
});
const ttl = pattern('{"userIdentity":{"type":["Service"]}}');
const inserts = pattern('{"eventName":["INSERT"]}');

describe('filterCriteriaOf', () => {
  it('ORs the projections’ patterns, each once', () => {
    expect(filterCriteriaOf([{ filter: ttl }, { filter: criteria(inserts, ttl) }])).toEqual({
      Filters: [{ Pattern: ttl.json }, { Pattern: inserts.json }],
    });
  });

  it('is undefined when one projection reads every record', () => {
    expect(filterCriteriaOf([{ filter: ttl }, { filter: undefined }])).toBeUndefined();
    expect(filterCriteriaOf([{ filter: ttl }, { filter: criteria() }])).toBeUndefined();
    expect(filterCriteriaOf([])).toBeUndefined();
  });

  it('is undefined when more than five patterns would be needed', () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ filter: pattern(`{"n":[${i}]}`) }));
    expect(filterCriteriaOf(six)).toBeUndefined();
    expect(filterCriteriaOf(six.slice(0, 5))?.Filters).toHaveLength(5);
  });
});
