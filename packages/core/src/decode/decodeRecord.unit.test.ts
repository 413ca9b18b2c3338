import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import type { DecodeFailure } from '../errors/decodeFailure.js';
import type { StreamRecordInput } from '../record/streamRecordInput.js';
import {
  lambdaRecord,
  type RecordParts,
  STREAM_ARN,
  streamsApiRecord,
} from '../testSupport/streamRecordFixture.js';
import { decodeRecord } from './decodeRecord.js';

const Order = t.type({ id: t.string, quantity: t.number, note: t.union([t.string, t.undefined]) });
const OrderKey = t.type({ id: t.string });
const decoder = { item: Order, keys: OrderKey, viewType: 'NEW_AND_OLD_IMAGES' } as const;

const image = (quantity: string) => ({ id: { S: 'order-1' }, quantity: { N: quantity } });
const shapes = [
  ['Lambda', lambdaRecord],
  ['Streams API', streamsApiRecord],
] as const;

const failureOf = (record: StreamRecordInput, codecs = decoder): DecodeFailure => {
  const result = decodeRecord(codecs, record);
  if (E.isRight(result)) throw new Error('expected a failure');
  return result.left;
};

describe('decodeRecord', () => {
  it.each(shapes)('decodes an INSERT, a MODIFY and a REMOVE from a %s record', (_shape, record) => {
    const insert = decodeRecord(decoder, record({ newImage: image('1') }));
    expect(insert).toMatchObject(
      E.right({
        eventName: 'INSERT',
        newImage: { id: 'order-1', quantity: 1 },
        keys: { id: 'order-1' },
      }),
    );
    expect(E.isRight(insert) && 'oldImage' in insert.right).toBe(false);
    const modify = decodeRecord(
      decoder,
      record({ eventName: 'MODIFY', newImage: image('2'), oldImage: image('1') }),
    );
    expect(modify).toMatchObject(
      E.right({ eventName: 'MODIFY', newImage: { quantity: 2 }, oldImage: { quantity: 1 } }),
    );
    const remove = decodeRecord(decoder, record({ eventName: 'REMOVE', oldImage: image('2') }));
    expect(remove).toMatchObject(
      E.right({ eventName: 'REMOVE', oldImage: { quantity: 2 }, removedBy: 'user' }),
    );
    expect(E.isRight(remove) && 'newImage' in remove.right).toBe(false);
  });

  it('gives a Lambda record its metadata', () => {
    const event = decodeRecord(decoder, lambdaRecord({ newImage: image('1') }));
    expect(event).toEqual(
      E.right({
        eventName: 'INSERT',
        eventId: 'c4ca4238a0b923820dcc509a6f75849b',
        sequenceNumber: '111100000000000000000001',
        approximateCreationTime: new Date('2024-05-01T10:00:00.000Z'),
        sizeBytes: 42,
        streamViewType: 'NEW_AND_OLD_IMAGES',
        keys: { id: 'order-1' },
        itemKey: '2:idS7:order-1',
        streamArn: STREAM_ARN,
        tableName: 'Orders',
        region: 'eu-west-1',
        newImage: { id: 'order-1', quantity: 1 },
      }),
    );
  });

  it('gives a Streams API record the same event, with the stream ARN from the context', () => {
    const parts: RecordParts = { eventName: 'MODIFY', newImage: image('2'), oldImage: image('1') };
    const lambda = decodeRecord(decoder, lambdaRecord(parts));
    expect(decodeRecord(decoder, streamsApiRecord(parts), { streamArn: STREAM_ARN })).toEqual(
      lambda,
    );
    expect(decodeRecord(decoder, streamsApiRecord(parts))).toMatchObject(
      E.right({ streamArn: undefined, tableName: undefined, region: 'eu-west-1' }),
    );
  });

  it.each(shapes)('tells a TTL removal from a user removal in a %s record', (_shape, record) => {
    const ttl = { type: 'Service', principalId: 'dynamodb.amazonaws.com' };
    expect(
      decodeRecord(
        decoder,
        record({ eventName: 'REMOVE', oldImage: image('1'), userIdentity: ttl }),
      ),
    ).toMatchObject(E.right({ removedBy: 'ttl' }));
  });

  it('gives binary keys the same bytes and identity in both shapes', () => {
    const keys = { id: { S: 'a' }, blob: { B: new Uint8Array([1, 2, 250]) } };
    const codecs = { item: t.UnknownRecord, viewType: 'KEYS_ONLY' } as const;
    const lambda = decodeRecord(codecs, lambdaRecord({ keys, viewType: 'KEYS_ONLY' }));
    const sdk = decodeRecord(codecs, streamsApiRecord({ keys, viewType: 'KEYS_ONLY' }));
    expect(lambda).toMatchObject(E.right({ keys: { id: 'a', blob: new Uint8Array([1, 2, 250]) } }));
    expect(E.isRight(lambda) && E.isRight(sdk) && lambda.right.itemKey === sdk.right.itemKey).toBe(
      true,
    );
  });

  it('uses each record’s own view type when the decoder declares none', () => {
    const codecs = { item: Order };
    const event = decodeRecord(
      codecs,
      lambdaRecord({ viewType: 'NEW_IMAGE', newImage: image('3') }),
    );
    expect(event).toMatchObject(
      E.right({ streamViewType: 'NEW_IMAGE', newImage: { quantity: 3 }, keys: { id: 'order-1' } }),
    );
    const record = lambdaRecord({ newImage: image('3') }) as {
      dynamodb: { StreamViewType?: string };
    };
    delete record.dynamodb.StreamViewType;
    expect(failureOf(record, codecs as never).message).toContain(
      'dynamodb.StreamViewType: missing, and the decoder declares no view type',
    );
    expect(E.isRight(decodeRecord(decoder, record))).toBe(true);
  });

  it('does not change the record', () => {
    const record = Object.freeze(lambdaRecord({ newImage: image('1') }));
    const before = JSON.stringify(record);
    decodeRecord(decoder, record);
    expect(JSON.stringify(record)).toBe(before);
  });
});
