import { marshall } from '@aws-sdk/util-dynamodb';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { nativeItemArbitrary } from '../testSupport/nativeItemArbitrary.js';
import { lambdaRecord, streamsApiRecord } from '../testSupport/streamRecordFixture.js';
import { decodeRecord } from './decodeRecord.js';

const decoder = { item: t.UnknownRecord, viewType: 'NEW_IMAGE' } as const;

describe('marshall → stream record → decode', () => {
  it.each([
    ['Lambda', lambdaRecord],
    ['Streams API', streamsApiRecord],
  ] as const)('returns the original item, for any item, from a %s record', (_shape, record) => {
    fc.assert(
      fc.property(nativeItemArbitrary(), (item) => {
        const newImage = marshall(item);
        const decoded = decodeRecord(decoder, record({ viewType: 'NEW_IMAGE', newImage }));
        if (E.isLeft(decoded)) throw new Error(decoded.left.message);
        expect(decoded.right.eventName === 'INSERT' && decoded.right.newImage).toStrictEqual(item);
      }),
      { numRuns: 200 },
    );
  });
});
