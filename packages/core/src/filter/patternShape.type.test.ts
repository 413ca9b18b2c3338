import type { DynamoDBRecord } from 'aws-lambda';
import type * as E from 'fp-ts/lib/Either.js';
import { describe, expectTypeOf, it } from 'vitest';
import { type FilterCriteria, filterCriteria, matchesFilterCriteria } from './filterCriteria.js';
import { type FilterPattern, filterPattern } from './filterPattern.js';
import type { InvalidFilter } from './invalidFilter.js';
import type { PatternShape } from './patternShape.js';
import { eventNames } from './readyMadePatterns.js';

describe('PatternShape', () => {
  it('accepts the documented syntax as a typed object', () => {
    const pattern = {
      eventName: ['INSERT', 'MODIFY'],
      dynamodb: {
        Keys: { pk: { S: [{ prefix: 'ORDER#' }] } },
        NewImage: {
          status: { S: [{ 'anything-but': ['CANCELLED', 'DRAFT'] }] },
          total: { N: [{ exists: true }] },
          flag: { BOOL: [true] },
          note: { S: [null, ''] },
        },
        ApproximateCreationDateTime: [{ numeric: ['>=', 0, '<', 2e9] }],
      },
      $or: [
        { awsRegion: [{ suffix: '-1' }] },
        { awsRegion: [{ 'equals-ignore-case': 'EU-WEST-2' }] },
      ],
    } satisfies PatternShape;
    expectTypeOf(filterPattern(pattern)).toEqualTypeOf<E.Either<InvalidFilter, FilterPattern>>();
  });

  it('rejects shapes Lambda would refuse', () => {
    // @ts-expect-error a field holds a matcher list or an object, never a bare value
    filterPattern({ eventName: 'INSERT' });
    // @ts-expect-error unknown numeric operator
    filterPattern({ a: [{ numeric: ['!=', 1] }] });
    // @ts-expect-error a range starts with a lower bound
    filterPattern({ a: [{ numeric: ['<', 1, '>', 0] }] });
    // @ts-expect-error anything-but lists are all strings or all numbers
    filterPattern({ a: [{ 'anything-but': ['x', 1] }] });
    // @ts-expect-error prefix takes a string
    filterPattern({ a: [{ prefix: 1 }] });
    // @ts-expect-error exists takes a boolean
    filterPattern({ a: [{ exists: 'yes' }] });
  });
});

describe('evaluation and ready-made patterns', () => {
  it('evaluate a Lambda DynamoDBRecord', () => {
    expectTypeOf<FilterPattern['matches']>().parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(matchesFilterCriteria).toBeCallableWith(
      {} as FilterCriteria,
      {} as DynamoDBRecord,
    );
    expectTypeOf(filterCriteria(eventNames('INSERT'))).toEqualTypeOf<
      E.Either<InvalidFilter, FilterCriteria>
    >();
  });

  it('eventNames takes at least one known event name', () => {
    // Checked by the compiler only: calling eventNames() with no name is a programmer error that throws.
    const typeOnly = () => {
      eventNames('INSERT', 'MODIFY', 'REMOVE');
      // @ts-expect-error not a DynamoDB Streams event name
      eventNames('DELETE');
      // @ts-expect-error at least one name
      eventNames();
    };
    expectTypeOf(typeOnly).toBeFunction();
  });
});
