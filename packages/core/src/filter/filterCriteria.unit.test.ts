import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  filterCriteria,
  MAX_FILTERS,
  matchesFilterCriteria,
  parseFilterCriteria,
  toFilterCriteriaJson,
} from './filterCriteria.js';
import { filterPattern } from './filterPattern.js';
import { ttlRemovals } from './readyMadePatterns.js';

const right = <A>(e: E.Either<{ message: string }, A>): A => {
  if (E.isLeft(e)) throw new Error(e.left.message);
  return e.right;
};

describe('filterCriteria', () => {
  it('serializes to the FilterCriteria JSON an event source mapping takes', () => {
    const criteria = right(filterCriteria(ttlRemovals, { eventName: ['INSERT'] }));
    expect(toFilterCriteriaJson(criteria)).toEqual({
      Filters: [
        {
          Pattern:
            '{"eventName":["REMOVE"],"userIdentity":{"type":["Service"],"principalId":["dynamodb.amazonaws.com"]}}',
        },
        { Pattern: '{"eventName":["INSERT"]}' },
      ],
    });
  });

  it('ORs its filters', () => {
    const criteria = right(filterCriteria({ a: ['x'] }, { b: ['y'] }));
    expect(matchesFilterCriteria(criteria, { a: 'x' })).toBe(true);
    expect(matchesFilterCriteria(criteria, { b: 'y' })).toBe(true);
    expect(matchesFilterCriteria(criteria, { a: 'y', b: 'x' })).toBe(false);
  });

  it('with no filters delivers every record, as an event source mapping without criteria does', () => {
    const criteria = right(filterCriteria());
    expect(matchesFilterCriteria(criteria, { anything: 1 })).toBe(true);
    expect(toFilterCriteriaJson(criteria)).toEqual({ Filters: [] });
  });

  it(`accepts ${MAX_FILTERS} filters and rejects ${MAX_FILTERS + 1}`, () => {
    const patterns = Array.from({ length: MAX_FILTERS + 1 }, (_, i) => ({ a: [String(i)] }));
    expect(E.isRight(filterCriteria(...patterns.slice(0, MAX_FILTERS)))).toBe(true);
    const tooMany = filterCriteria(...patterns);
    expect(E.isLeft(tooMany) && tooMany.left.reason).toBe('TooManyFilters');
  });

  it('names the filter an invalid pattern came from', () => {
    const result = filterCriteria({ a: ['x'] }, { b: [{ numeric: ['>', 5, '<', 1] }] });
    expect(E.isLeft(result) && result.left).toMatchObject({
      reason: 'InvalidNumericRange',
      filterIndex: 1,
      path: ['b', 0, 'numeric'],
    });
    expect(E.isLeft(result) && result.left.message).toMatch(
      /^Filters\[1\]\.Pattern: b\[0\]\.numeric: /,
    );
  });

  it('a pattern object whose field is called _tag is still a pattern', () => {
    const criteria = right(filterCriteria({ _tag: ['FilterPattern'] }));
    expect(matchesFilterCriteria(criteria, { _tag: 'FilterPattern' })).toBe(true);
  });
});

describe('parseFilterCriteria', () => {
  const deployed = {
    Filters: [
      { Pattern: '{ "eventName": ["INSERT", "MODIFY"] }' },
      { Pattern: '{"a":[{"prefix":"x"}]}' },
    ],
  };

  it('reads the deployed JSON, object or text, and keeps each Pattern string exactly', () => {
    for (const input of [deployed, JSON.stringify(deployed)]) {
      const criteria = right(parseFilterCriteria(input));
      expect(toFilterCriteriaJson(criteria)).toEqual(deployed);
      expect(matchesFilterCriteria(criteria, { eventName: 'MODIFY' })).toBe(true);
      expect(matchesFilterCriteria(criteria, { eventName: 'REMOVE' })).toBe(false);
    }
  });

  it.each([
    ['text that is not JSON', '{"Filters": [', 'NotJson'],
    ['a missing Filters list', {}, 'InvalidCriteria'],
    [
      'a Pattern that is an object instead of a string',
      { Filters: [{ Pattern: { a: ['x'] } }] },
      'InvalidCriteria',
    ],
    ['null', null, 'InvalidCriteria'],
    [
      'six filters',
      { Filters: Array.from({ length: 6 }, () => ({ Pattern: '{"a":["x"]}' })) },
      'TooManyFilters',
    ],
    [
      'an invalid pattern',
      { Filters: [{ Pattern: '{"a":["x"]}' }, { Pattern: '{"a":[]}' }] },
      'EmptyArray',
    ],
    ['a pattern that is not JSON', { Filters: [{ Pattern: 'single-string' }] }, 'NotJson'],
  ] as const)('rejects %s', (_name, input, reason) => {
    const result = parseFilterCriteria(input);
    expect(E.isLeft(result) && result.left.reason).toBe(reason);
  });

  it('round-trips what filterCriteria serialized', () => {
    const made = right(
      filterCriteria(ttlRemovals, right(filterPattern({ x: [{ numeric: ['>=', 1] }] }))),
    );
    const reparsed = right(parseFilterCriteria(JSON.stringify(toFilterCriteriaJson(made))));
    expect(reparsed.filters.map((f) => f.pattern)).toEqual(made.filters.map((f) => f.pattern));
    expect(toFilterCriteriaJson(reparsed)).toEqual(toFilterCriteriaJson(made));
  });
});
