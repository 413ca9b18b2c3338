import * as E from 'fp-ts/lib/Either.js';
import { problemAt, type RecordProblem } from '../errors/decodeFailure.js';
import { describeValue } from '../errors/describeValue.js';
import { problemsFromErrors } from '../errors/ioTsProblems.js';
import type { EventName } from '../event/changeEvent.js';
import type { StreamViewType } from '../event/streamViewType.js';
import { isRawStreamRecord, RawStreamRecordCodec } from '../record/rawStreamRecord.js';
import { invalidSequenceNumber, isSequenceNumber } from '../sequence/sequenceNumber.js';
import { type ExpectedImages, imagesOfViewType } from './imagesOfViewType.js';

/**
 * Checks everything about a record but its attribute values: the envelope's fields, the event
 * name, the sequence number, and that its view type and images are those `declared` promises.
 * Answers the images the record carries, or the problem; a valid record is then a
 * `RawStreamRecord` whose `eventName` is an `EventName` and whose sequence number is valid.
 * (No wrapper on success: this runs once per record.)
 */
export const checkRecord = (
  declared: StreamViewType | undefined,
  record: unknown,
): ExpectedImages | RecordProblem => {
  if (!isRawStreamRecord(record)) return malformed(record);
  const { eventName, dynamodb } = record;
  if (eventName !== 'INSERT' && eventName !== 'MODIFY' && eventName !== 'REMOVE') {
    const got = describeValue(eventName);
    return problemAt(
      'UnknownEventName',
      undefined,
      'eventName',
      `expected INSERT, MODIFY or REMOVE, got ${got}`,
    );
  }
  const sequenceNumber = dynamodb.SequenceNumber;
  if (!isSequenceNumber(sequenceNumber)) {
    const { message } = invalidSequenceNumber(sequenceNumber);
    return problemAt('InvalidSequenceNumber', undefined, 'dynamodb.SequenceNumber', message);
  }
  const viewType = declared ?? dynamodb.StreamViewType;
  if (viewType === undefined) {
    return problemAt(
      'MalformedRecord',
      undefined,
      'dynamodb.StreamViewType',
      'missing, and the decoder declares no view type',
    );
  }
  if (dynamodb.StreamViewType !== undefined && dynamodb.StreamViewType !== viewType) {
    const message = `expected ${viewType} (the decoder's view type), got ${dynamodb.StreamViewType}`;
    return problemAt('ViewTypeMismatch', undefined, 'dynamodb.StreamViewType', message);
  }
  const images = imagesOfViewType(viewType, eventName);
  return (
    imageProblem('NewImage', images.newImage, dynamodb.NewImage, viewType, eventName) ??
    imageProblem('OldImage', images.oldImage, dynamodb.OldImage, viewType, eventName) ??
    images
  );
};

/** True when `checkRecord` found a problem rather than the record's images. */
export const isRecordProblem = (
  checked: ExpectedImages | RecordProblem,
): checked is RecordProblem => (checked as RecordProblem)._tag !== undefined;

const malformed = (record: unknown): RecordProblem => {
  const decoded = RawStreamRecordCodec.decode(record);
  const problems = E.isLeft(decoded)
    ? problemsFromErrors(decoded.left, [])
    : [{ path: '', message: 'not a stream record' }];
  return { _tag: 'MalformedRecord', image: undefined, problems };
};

const imageProblem = (
  image: 'NewImage' | 'OldImage',
  expected: boolean,
  present: unknown,
  viewType: StreamViewType,
  eventName: EventName,
): RecordProblem | undefined => {
  if (expected && present === undefined) {
    return problemAt(
      'MissingImage',
      image,
      `dynamodb.${image}`,
      `missing; a ${viewType} stream carries ${image} on ${eventName}`,
    );
  }
  if (!expected && present !== undefined) {
    return problemAt(
      'ViewTypeMismatch',
      image,
      `dynamodb.${image}`,
      `present, but a ${viewType} stream never carries ${image} on ${eventName}`,
    );
  }
  return undefined;
};
