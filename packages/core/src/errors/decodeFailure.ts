/** Which part of a record a failure is in. */
export type ImageName = 'Keys' | 'NewImage' | 'OldImage';

/** The kinds of decode failure; each names what a person has to fix. */
export type DecodeFailureTag =
  /** The record is not a stream record: a required field is missing or of the wrong type. */
  | 'MalformedRecord'
  /** `eventName` is not INSERT, MODIFY or REMOVE. */
  | 'UnknownEventName'
  /** `SequenceNumber` is not 21 to 40 digits. */
  | 'InvalidSequenceNumber'
  /** The record's `StreamViewType`, or an image it carries, contradicts the decoder's view type. */
  | 'ViewTypeMismatch'
  /** An image the view type promises for this kind of event is absent. */
  | 'MissingImage'
  /** An AttributeValue is malformed: no type, two types, wrong payload, a number that is not one. */
  | 'InvalidAttributeValue'
  /** A number has more precision than a JS number holds and the decoder was told to fail on those. */
  | 'InexactNumber'
  /** An image was well-formed but the user's codec rejected it. */
  | 'ImageDecodeFailure';

/** One thing wrong, at one place: `{ path: 'NewImage.quantity', message: 'expected number, got "abc"' }`. */
export interface DecodeProblem {
  readonly path: string;
  readonly message: string;
}

/** What went wrong, before it is tied to the record it came from. */
export interface RecordProblem {
  readonly _tag: DecodeFailureTag;
  readonly image: ImageName | undefined;
  readonly problems: ReadonlyArray<DecodeProblem>;
}

/** Why a stream record could not become a change event; a value, never thrown. */
export interface DecodeFailure extends RecordProblem {
  /** The record's `eventID` when it has a string one. */
  readonly eventId: string | undefined;
  /** The record's `SequenceNumber` when it has a string one (even an invalid one, to locate it). */
  readonly sequenceNumber: string | undefined;
  /** One line a person can act on: the record, then each `path: problem`. */
  readonly message: string;
  /** The record as given, for a dead-letter sink. */
  readonly record: unknown;
}

/** A problem with a single place: `problemAt('ViewTypeMismatch', undefined, 'dynamodb.StreamViewType', '…')`. */
export const problemAt = (
  tag: DecodeFailureTag,
  image: ImageName | undefined,
  path: string,
  message: string,
): RecordProblem => ({ _tag: tag, image, problems: [{ path, message }] });

/** Ties a problem to its record, reading the record's identity without trusting its shape. */
export const decodeFailure = (problem: RecordProblem, record: unknown): DecodeFailure => {
  const r = isObject(record) ? record : {};
  const dynamodb = isObject(r.dynamodb) ? r.dynamodb : {};
  const eventId = typeof r.eventID === 'string' ? r.eventID : undefined;
  const sequenceNumber =
    typeof dynamodb.SequenceNumber === 'string' ? dynamodb.SequenceNumber : undefined;
  const details = problem.problems
    .map((p) => (p.path === '' ? p.message : `${p.path}: ${p.message}`))
    .join('; ');
  return {
    ...problem,
    eventId,
    sequenceNumber,
    message: `${problem._tag} in record ${eventId ?? '(no eventID)'} at sequence number ${
      sequenceNumber ?? '(unknown)'
    }: ${details}`,
    record,
  };
};

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null;
