import * as E from 'fp-ts/lib/Either.js';
import { problemAt, type RecordProblem } from '../errors/decodeFailure.js';
import { describeValue } from '../errors/describeValue.js';
import { problemsFromErrors } from '../errors/ioTsProblems.js';
import type { EventName } from '../event/changeEvent.js';
import type { StreamViewType } from '../event/streamViewType.js';
import {
  isRawStreamRecord,
  type RawStreamRecord,
  RawStreamRecordCodec,
} from '../record/rawStreamRecord.js';
import {
  invalidSequenceNumber,
  isSequenceNumber,
  type SequenceNumber,
} from '../sequence/sequenceNumber.js';
import { type ExpectedImages, imagesOfViewType } from './imagesOfViewType.js';

/** A record whose envelope is valid and agrees with the view type; its attribute maps are not checked yet. */
export interface CheckedRecord {
  readonly record: RawStreamRecord;
  readonly eventName: EventName;
  readonly sequenceNumber: SequenceNumber;
  readonly viewType: StreamViewType;
  readonly images: ExpectedImages;
}

/**
 * Checks everything about a record but its attribute values: the envelope's fields, the event
 * name, the sequence number, and that its view type and images are those `declared` promises.
 */
export const checkRecord = (
  declared: StreamViewType | undefined,
  record: unknown,
): E.Either<RecordProblem, CheckedRecord> => {
  if (!isRawStreamRecord(record)) return E.left(malformed(record));
  const { eventName, dynamodb } = record;
  if (eventName !== 'INSERT' && eventName !== 'MODIFY' && eventName !== 'REMOVE') {
    const got = describeValue(eventName);
    return E.left(
      problemAt(
        'UnknownEventName',
        undefined,
        'eventName',
        `expected INSERT, MODIFY or REMOVE, got ${got}`,
      ),
    );
  }
  const sequenceNumber = dynamodb.SequenceNumber;
  if (!isSequenceNumber(sequenceNumber)) {
    const { message } = invalidSequenceNumber(sequenceNumber);
    return E.left(
      problemAt('InvalidSequenceNumber', undefined, 'dynamodb.SequenceNumber', message),
    );
  }
  const viewType = declared ?? dynamodb.StreamViewType;
  if (viewType === undefined) {
    return E.left(
      problemAt(
        'MalformedRecord',
        undefined,
        'dynamodb.StreamViewType',
        'missing, and the decoder declares no view type',
      ),
    );
  }
  if (dynamodb.StreamViewType !== undefined && dynamodb.StreamViewType !== viewType) {
    const message = `expected ${viewType} (the decoder's view type), got ${dynamodb.StreamViewType}`;
    return E.left(problemAt('ViewTypeMismatch', undefined, 'dynamodb.StreamViewType', message));
  }
  const images = imagesOfViewType(viewType, eventName);
  const problem =
    imageProblem('NewImage', images.newImage, dynamodb.NewImage, viewType, eventName) ??
    imageProblem('OldImage', images.oldImage, dynamodb.OldImage, viewType, eventName);
  if (problem !== undefined) return E.left(problem);
  return E.right({ record, eventName, sequenceNumber, viewType, images });
};

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
  const path = `dynamodb.${image}`;
  if (expected && present === undefined) {
    return problemAt(
      'MissingImage',
      image,
      path,
      `missing; a ${viewType} stream carries ${image} on ${eventName}`,
    );
  }
  if (!expected && present !== undefined) {
    return problemAt(
      'ViewTypeMismatch',
      image,
      path,
      `present, but a ${viewType} stream never carries ${image} on ${eventName}`,
    );
  }
  return undefined;
};
