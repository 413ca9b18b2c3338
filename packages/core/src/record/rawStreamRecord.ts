import * as t from 'io-ts';
import { StreamViewTypeCodec } from '../event/streamViewType.js';

/** Seconds since the epoch, finite (Lambda's `ApproximateCreationDateTime`). */
const EpochSeconds = t.refinement(t.number, Number.isFinite, 'epoch seconds');

/** A valid `Date` (the Streams API's `ApproximateCreationDateTime`). */
const ValidDate = new t.Type<Date, Date, unknown>(
  'Date',
  (u): u is Date => u instanceof Date && !Number.isNaN(u.getTime()),
  (u, c) => (u instanceof Date && !Number.isNaN(u.getTime()) ? t.success(u) : t.failure(u, c)),
  (d) => d,
);

const SizeBytes = t.refinement(
  t.number,
  (n) => Number.isFinite(n) && n >= 0,
  'a non-negative number',
);

// Attribute maps are checked here only as objects; the unmarshaller validates each value with its path.
const streamRecord = <C extends t.Mixed>(time: C) =>
  t.intersection(
    [
      t.type({
        ApproximateCreationDateTime: time,
        Keys: t.UnknownRecord,
        SequenceNumber: t.string,
        SizeBytes,
      }),
      t.partial({
        NewImage: t.UnknownRecord,
        OldImage: t.UnknownRecord,
        StreamViewType: StreamViewTypeCodec,
      }),
    ],
    'a StreamRecord object',
  );

const recordFields = {
  eventID: t.string,
  eventName: t.string,
};

const optionalFields = {
  eventVersion: t.string,
  eventSource: t.string,
  awsRegion: t.string,
  userIdentity: t.unknown,
};

/** io-ts codec for a record as Lambda delivers it: epoch-seconds time, `eventSourceARN` present. */
export const LambdaStreamRecordCodec = t.intersection(
  [
    t.type({ ...recordFields, eventSourceARN: t.string, dynamodb: streamRecord(EpochSeconds) }),
    t.partial(optionalFields),
  ],
  'a DynamoDB stream record from Lambda',
);

/** io-ts codec for a record as the Streams API (`GetRecords`, SDK v3) returns it: `Date` time, no ARN. */
export const StreamsApiRecordCodec = t.intersection(
  [t.type({ ...recordFields, dynamodb: streamRecord(ValidDate) }), t.partial(optionalFields)],
  'a DynamoDB Streams API record',
);

/** io-ts codec accepting either shape; what the change-event decoder validates records with. */
export const RawStreamRecordCodec = t.intersection(
  [
    t.type({
      ...recordFields,
      dynamodb: streamRecord(t.union([EpochSeconds, ValidDate], 'epoch seconds or Date')),
    }),
    t.partial({ ...optionalFields, eventSourceARN: t.string }),
  ],
  'a DynamoDB stream record',
);

/** A validated Lambda-shape record. */
export type LambdaStreamRecord = t.TypeOf<typeof LambdaStreamRecordCodec>;

/** A validated Streams-API-shape record. */
export type StreamsApiRecord = t.TypeOf<typeof StreamsApiRecordCodec>;

/** A validated record of either shape. */
export type RawStreamRecord = t.TypeOf<typeof RawStreamRecordCodec>;

const isObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

const isOptionalString = (u: unknown): boolean => u === undefined || typeof u === 'string';

const isTime = (u: unknown): boolean =>
  typeof u === 'number' ? Number.isFinite(u) : u instanceof Date && !Number.isNaN(u.getTime());

/**
 * Exactly `RawStreamRecordCodec.is`, written out: it runs on every record, and the codec's
 * generic checks cost as much as decoding a small image. A unit test keeps the two equal.
 */
export const isRawStreamRecord = (u: unknown): u is RawStreamRecord => {
  if (!isObject(u) || typeof u.eventID !== 'string' || typeof u.eventName !== 'string')
    return false;
  const d = u.dynamodb;
  return (
    isObject(d) &&
    isTime(d.ApproximateCreationDateTime) &&
    isObject(d.Keys) &&
    typeof d.SequenceNumber === 'string' &&
    typeof d.SizeBytes === 'number' &&
    Number.isFinite(d.SizeBytes) &&
    d.SizeBytes >= 0 &&
    (d.NewImage === undefined || isObject(d.NewImage)) &&
    (d.OldImage === undefined || isObject(d.OldImage)) &&
    (d.StreamViewType === undefined || StreamViewTypeCodec.is(d.StreamViewType)) &&
    isOptionalString(u.eventVersion) &&
    isOptionalString(u.eventSource) &&
    isOptionalString(u.awsRegion) &&
    isOptionalString(u.eventSourceARN)
  );
};
