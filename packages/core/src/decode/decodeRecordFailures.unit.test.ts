import { NumberValueImpl } from '@aws-sdk/util-dynamodb';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { DecimalString } from '../attributes/decimalString.js';
import type { DecodeFailure } from '../errors/decodeFailure.js';
import type { StreamRecordInput } from '../record/streamRecordInput.js';
import { lambdaRecord } from '../testSupport/streamRecordFixture.js';
import { decodeRecord } from './decodeRecord.js';

const Order = t.type({ id: t.string, quantity: t.number, note: t.union([t.string, t.undefined]) });
const OrderKey = t.type({ id: t.string });
const decoder = { item: Order, keys: OrderKey, viewType: 'NEW_AND_OLD_IMAGES' } as const;

const image = (quantity: string) => ({ id: { S: 'order-1' }, quantity: { N: quantity } });

const failureOf = (record: StreamRecordInput, codecs = decoder): DecodeFailure => {
  const result = decodeRecord(codecs, record);
  if (E.isRight(result)) throw new Error('expected a failure');
  return result.left;
};

describe('decodeRecord failures name the record, the image and the path', () => {
  it('ImageDecodeFailure: the user codec rejects a value', () => {
    const failure = failureOf(
      lambdaRecord({ newImage: { ...image('1'), quantity: { S: 'abc' } } }),
    );
    expect(failure).toMatchObject({
      _tag: 'ImageDecodeFailure',
      eventId: 'c4ca4238a0b923820dcc509a6f75849b',
      sequenceNumber: '111100000000000000000001',
      image: 'NewImage',
      problems: [{ path: 'NewImage.quantity', message: 'expected number, got "abc"' }],
    });
    expect(failure.message).toBe(
      'ImageDecodeFailure in record c4ca4238a0b923820dcc509a6f75849b at sequence number 111100000000000000000001: NewImage.quantity: expected number, got "abc"',
    );
  });

  it('ImageDecodeFailure lists every problem, a missing field and a union as a whole', () => {
    const failure = failureOf(
      lambdaRecord({ eventName: 'REMOVE', oldImage: { id: { N: '1' }, note: { BOOL: true } } }),
    );
    expect(failure.image).toBe('OldImage');
    expect(failure.problems).toEqual([
      { path: 'OldImage.id', message: 'expected string, got 1' },
      { path: 'OldImage.quantity', message: 'missing, expected number' },
      { path: 'OldImage.note', message: 'expected (string | undefined), got true' },
    ]);
  });

  it('ImageDecodeFailure in the keys', () => {
    const failure = failureOf(lambdaRecord({ keys: { id: { N: '7' } }, newImage: image('1') }));
    expect(failure).toMatchObject({ _tag: 'ImageDecodeFailure', image: 'Keys' });
    expect(failure.problems).toEqual([{ path: 'Keys.id', message: 'expected string, got 7' }]);
  });

  it('InvalidAttributeValue: an AttributeValue with two types, a malformed number', () => {
    const twoTypes = failureOf(
      lambdaRecord({ newImage: { ...image('1'), id: { S: 'a', N: '1' } as never } }),
    );
    expect(twoTypes).toMatchObject({ _tag: 'InvalidAttributeValue', image: 'NewImage' });
    expect(twoTypes.problems).toEqual([
      {
        path: 'NewImage.id',
        message: 'AttributeValue has 2 types (S, N); it must have exactly one',
      },
    ]);
    const badNumber = failureOf(lambdaRecord({ newImage: image('12abc') }));
    expect(badNumber.problems).toEqual([
      { path: 'NewImage.quantity', message: 'N "12abc" is not a number' },
    ]);
  });

  it('InexactNumber, unless the decoder wraps such numbers for an exact codec', () => {
    const huge = '12345678901234567890.123456789';
    const failure = failureOf(lambdaRecord({ newImage: image(huge) }));
    expect(failure).toMatchObject({ _tag: 'InexactNumber', image: 'NewImage' });
    const Exact = t.type({ id: t.string, quantity: DecimalString });
    const wrapped = {
      item: Exact,
      viewType: 'NEW_AND_OLD_IMAGES',
      inexactNumbers: 'wrap',
    } as const;
    expect(decodeRecord(wrapped, lambdaRecord({ newImage: image(huge) }))).toMatchObject(
      E.right({ newImage: { quantity: huge } }),
    );
    const loose = { ...wrapped, item: t.UnknownRecord };
    expect(decodeRecord(loose, lambdaRecord({ newImage: image(huge) }))).toMatchObject(
      E.right({ newImage: { quantity: new NumberValueImpl(huge) } }),
    );
  });

  it('UnknownEventName', () => {
    const record = { ...lambdaRecord({ newImage: image('1') }), eventName: 'UPSERT' };
    expect(failureOf(record)).toMatchObject({
      _tag: 'UnknownEventName',
      problems: [{ path: 'eventName', message: 'expected INSERT, MODIFY or REMOVE, got "UPSERT"' }],
    });
  });

  it('InvalidSequenceNumber, still naming the sequence number as given', () => {
    const failure = failureOf(lambdaRecord({ sequenceNumber: '12', newImage: image('1') }));
    expect(failure).toMatchObject({ _tag: 'InvalidSequenceNumber', sequenceNumber: '12' });
    expect(failure.message).toContain(
      'dynamodb.SequenceNumber: expected a sequence number of 21 to 40 digits, got "12"',
    );
  });

  it('ViewTypeMismatch: the record’s view type or an image contradicts the decoder’s', () => {
    expect(failureOf(lambdaRecord({ viewType: 'KEYS_ONLY' })).problems).toEqual([
      {
        path: 'dynamodb.StreamViewType',
        message: "expected NEW_AND_OLD_IMAGES (the decoder's view type), got KEYS_ONLY",
      },
    ]);
    expect(failureOf(lambdaRecord({ newImage: image('1'), oldImage: image('1') }))).toMatchObject({
      _tag: 'ViewTypeMismatch',
      image: 'OldImage',
      problems: [
        {
          path: 'dynamodb.OldImage',
          message: 'present, but a NEW_AND_OLD_IMAGES stream never carries OldImage on INSERT',
        },
      ],
    });
  });

  it('MissingImage: an image the view type promises is absent', () => {
    expect(failureOf(lambdaRecord({ eventName: 'MODIFY', newImage: image('1') }))).toMatchObject({
      _tag: 'MissingImage',
      image: 'OldImage',
      problems: [
        {
          path: 'dynamodb.OldImage',
          message: 'missing; a NEW_AND_OLD_IMAGES stream carries OldImage on MODIFY',
        },
      ],
    });
    expect(failureOf(lambdaRecord({ eventName: 'REMOVE' })).image).toBe('OldImage');
    expect(failureOf(lambdaRecord({})).image).toBe('NewImage');
  });

  it('MalformedRecord: lists every field that is missing or wrong', () => {
    const record = lambdaRecord({ newImage: image('1') }) as unknown as {
      eventID?: string;
      dynamodb: Record<string, unknown>;
    };
    record.dynamodb.SizeBytes = 'big';
    delete record.dynamodb.Keys;
    const failure = failureOf(record as StreamRecordInput);
    expect(failure).toMatchObject({
      _tag: 'MalformedRecord',
      eventId: 'c4ca4238a0b923820dcc509a6f75849b',
    });
    expect(failure.problems).toEqual([
      { path: 'dynamodb.Keys', message: 'missing, expected UnknownRecord' },
      { path: 'dynamodb.SizeBytes', message: 'expected a non-negative number, got "big"' },
    ]);
    expect(failureOf(42 as never).message).toBe(
      'MalformedRecord in record (no eventID) at sequence number (unknown): expected a DynamoDB stream record, got 42',
    );
  });

  it('keeps the record in the failure, for a dead-letter sink', () => {
    const record = lambdaRecord({ newImage: image('x') });
    expect(failureOf(record).record).toBe(record);
  });
});

describe('attribute names that could pollute a prototype', () => {
  const withNewImage = (json: string) =>
    JSON.parse(
      JSON.stringify(lambdaRecord({ viewType: 'NEW_IMAGE' })).replace(
        '"Keys":',
        `"NewImage":${json},"Keys":`,
      ),
    );

  it('__proto__ is a failure naming the record and path, whatever the codec', () => {
    const record = withNewImage(
      '{"id":{"S":"x"},"quantity":{"N":"1"},"__proto__":{"M":{"polluted":{"S":"yes"}}}}',
    );
    for (const item of [Order, t.UnknownRecord, t.unknown]) {
      const failure = failureOf(record, { item, viewType: 'NEW_IMAGE' } as never);
      expect(failure).toMatchObject({ _tag: 'InvalidAttributeValue', image: 'NewImage' });
      expect(failure.problems[0]?.path).toBe('NewImage.__proto__');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('constructor and prototype decode as data, and no prototype changes', () => {
    const record = withNewImage(
      '{"id":{"S":"x"},"quantity":{"N":"1"},"constructor":{"M":{"prototype":{"M":{"polluted":{"S":"yes"}}}}},"prototype":{"S":"p"}}',
    );
    for (const item of [Order, t.UnknownRecord, t.unknown]) {
      const event = decodeRecord({ item, viewType: 'NEW_IMAGE' }, record);
      if (E.isLeft(event)) throw new Error(event.left.message);
      const newImage = (event.right as { newImage: Record<string, unknown> }).newImage;
      expect(Object.getPrototypeOf(newImage)).toBe(Object.prototype);
      expect(newImage.constructor).toEqual({ prototype: { polluted: 'yes' } });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect({}.constructor).toBe(Object);
    }
  });
});
