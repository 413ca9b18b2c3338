import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { lambdaRecord, streamsApiRecord } from '../testSupport/streamRecordFixture.js';
import {
  isRawStreamRecord,
  LambdaStreamRecordCodec,
  RawStreamRecordCodec,
  StreamsApiRecordCodec,
} from './rawStreamRecord.js';

describe('raw record codecs', () => {
  it('decode a Lambda record and a Streams API record, each with its own codec', () => {
    expect(E.isRight(LambdaStreamRecordCodec.decode(lambdaRecord()))).toBe(true);
    expect(E.isRight(StreamsApiRecordCodec.decode(streamsApiRecord()))).toBe(true);
    expect(E.isRight(RawStreamRecordCodec.decode(lambdaRecord()))).toBe(true);
    expect(E.isRight(RawStreamRecordCodec.decode(streamsApiRecord()))).toBe(true);
  });

  it('tell the shapes apart by their time and ARN', () => {
    expect(E.isLeft(LambdaStreamRecordCodec.decode(streamsApiRecord()))).toBe(true);
    expect(E.isLeft(StreamsApiRecordCodec.decode(lambdaRecord()))).toBe(true);
  });

  it('reject invalid times and sizes', () => {
    const withBody = (patch: Record<string, unknown>) => {
      const record = lambdaRecord();
      return { ...record, dynamodb: { ...record.dynamodb, ...patch } };
    };
    expect(RawStreamRecordCodec.is(withBody({ ApproximateCreationDateTime: Number.NaN }))).toBe(
      false,
    );
    expect(RawStreamRecordCodec.is(withBody({ ApproximateCreationDateTime: new Date('x') }))).toBe(
      false,
    );
    expect(RawStreamRecordCodec.is(withBody({ SizeBytes: -1 }))).toBe(false);
    expect(RawStreamRecordCodec.is(withBody({ StreamViewType: 'ALL' }))).toBe(false);
  });
});

// Records whose fields are mostly right, sometimes missing or of another type.
const fieldValue = (right: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { arbitrary: right, weight: 12 },
    { arbitrary: fc.constant(undefined), weight: 1 },
    { arbitrary: fc.anything(), weight: 1 },
  );
const nearlyRecords = fc.record(
  {
    eventID: fieldValue(fc.string()),
    eventName: fieldValue(fc.constantFrom('INSERT', 'MODIFY', 'REMOVE')),
    eventSourceARN: fieldValue(fc.string()),
    awsRegion: fieldValue(fc.string()),
    eventVersion: fieldValue(fc.string()),
    eventSource: fieldValue(fc.string()),
    userIdentity: fc.anything(),
    dynamodb: fieldValue(
      fc.record(
        {
          ApproximateCreationDateTime: fieldValue(
            fc.oneof(fc.double(), fc.date({ noInvalidDate: false })),
          ),
          Keys: fieldValue(fc.dictionary(fc.string(), fc.anything())),
          NewImage: fieldValue(fc.dictionary(fc.string(), fc.anything())),
          OldImage: fieldValue(fc.oneof(fc.array(fc.anything()), fc.object())),
          SequenceNumber: fieldValue(fc.string()),
          SizeBytes: fieldValue(fc.oneof(fc.nat(), fc.double())),
          StreamViewType: fieldValue(
            fc.constantFrom('KEYS_ONLY', 'NEW_IMAGE', 'NEW_AND_OLD_IMAGES', 'x'),
          ),
        },
        { requiredKeys: ['ApproximateCreationDateTime', 'Keys', 'SequenceNumber', 'SizeBytes'] },
      ),
    ),
  },
  { requiredKeys: ['eventID', 'eventName', 'dynamodb'] },
);

describe('isRawStreamRecord', () => {
  it('agrees with RawStreamRecordCodec.is on any value, record-like or not', () => {
    fc.assert(
      fc.property(fc.oneof(nearlyRecords, fc.anything()), (u) => {
        expect(isRawStreamRecord(u)).toBe(RawStreamRecordCodec.is(u));
      }),
      { numRuns: 500 },
    );
    expect(isRawStreamRecord(lambdaRecord())).toBe(true);
    expect(isRawStreamRecord(streamsApiRecord())).toBe(true);
  });
});
