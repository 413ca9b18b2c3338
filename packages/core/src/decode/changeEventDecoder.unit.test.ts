import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { lambdaRecord, STREAM_ARN, streamsApiRecord } from '../testSupport/streamRecordFixture.js';
import { changeEventDecoder } from './changeEventDecoder.js';
import { decodeBatch } from './decodeBatch.js';
import { decodeRecord } from './decodeRecord.js';

const Order = t.type({ id: t.string });
const newImage = { id: { S: 'order-1' } };

describe('changeEventDecoder', () => {
  const decoder = changeEventDecoder({ item: Order, viewType: 'NEW_AND_OLD_IMAGES' });

  it('decodes as decodeRecord and decodeBatch do with the same codecs', () => {
    const record = streamsApiRecord({ newImage });
    expect(decoder.decodeRecord(record, { streamArn: STREAM_ARN })).toEqual(
      decodeRecord({ item: Order, viewType: 'NEW_AND_OLD_IMAGES' }, record, {
        streamArn: STREAM_ARN,
      }),
    );
    expect(decoder.decodeBatch([lambdaRecord({ newImage })])).toEqual(
      decodeBatch(decoder, [lambdaRecord({ newImage })]),
    );
  });

  it('keeps its codecs, so it can stand in for them', () => {
    expect(decoder.item).toBe(Order);
    expect(decoder.viewType).toBe('NEW_AND_OLD_IMAGES');
    expect(E.isRight(decodeRecord(decoder, lambdaRecord({ newImage })))).toBe(true);
  });
});
