import * as E from 'fp-ts/lib/Either.js';
import { type DecodeFailure, decodeFailure } from '../errors/decodeFailure.js';
import type { ChangeEvent } from '../event/changeEvent.js';
import type { StreamViewType } from '../event/streamViewType.js';
import { itemKeyOf } from '../identity/itemKey.js';
import type { RawStreamRecord } from '../record/rawStreamRecord.js';
import { removalCauseOf } from '../record/removalCause.js';
import { parseStreamArn, type StreamArnParts } from '../record/streamArn.js';
import type { StreamRecordInput } from '../record/streamRecordInput.js';
import type { ChangeEventCodecs, DecodeContext } from './changeEventCodecs.js';
import { checkRecord, isRecordProblem } from './checkRecord.js';
import { ImageFailure } from './decodeImage.js';
import { type ImageDecoders, imageDecodersOf } from './imageDecoders.js';

/**
 * Decodes one stream record, of either shape (Lambda or Streams API), into a typed change
 * event; never throws. A failure names the record (eventID, sequence number), the image and
 * the path of every problem, e.g. `NewImage.quantity: expected number, got "abc"`.
 */
export const decodeRecord = <
  T,
  V extends StreamViewType = StreamViewType,
  K = Record<string, unknown>,
>(
  codecs: ChangeEventCodecs<T, V, K>,
  record: StreamRecordInput,
  context?: DecodeContext,
): E.Either<DecodeFailure, ChangeEvent<T, V, K>> =>
  decodeRecordWith(codecs, imageDecodersOf(codecs), record, context);

/** `decodeRecord` with the codecs' image decoders already looked up: a batch does it once. */
export const decodeRecordWith = <T, V extends StreamViewType, K>(
  codecs: ChangeEventCodecs<T, V, K>,
  decoders: ImageDecoders<T, K>,
  record: StreamRecordInput,
  context: DecodeContext | undefined,
): E.Either<DecodeFailure, ChangeEvent<T, V, K>> => {
  const images = checkRecord(codecs.viewType, record);
  if (isRecordProblem(images)) return E.left(decodeFailure(images, record));
  // checkRecord vouched for the envelope, the event name and the sequence number.
  const { dynamodb, eventSourceARN, awsRegion, eventID, eventName, userIdentity } =
    record as RawStreamRecord;
  const inexact = codecs.inexactNumbers ?? 'fail';

  const keys = decoders.keys('Keys', dynamodb.Keys, inexact);
  if (keys instanceof ImageFailure) return E.left(decodeFailure(keys.problem, record));
  let newImage: T | undefined;
  if (images.newImage) {
    const decoded = decoders.item('NewImage', dynamodb.NewImage, inexact);
    if (decoded instanceof ImageFailure) return E.left(decodeFailure(decoded.problem, record));
    newImage = decoded;
  }
  let oldImage: T | undefined;
  if (images.oldImage) {
    const decoded = decoders.item('OldImage', dynamodb.OldImage, inexact);
    if (decoded instanceof ImageFailure) return E.left(decodeFailure(decoded.problem, record));
    oldImage = decoded;
  }

  const streamArn = eventSourceARN ?? context?.streamArn;
  const arn = streamArn === undefined ? undefined : arnParts(streamArn);
  const time = dynamodb.ApproximateCreationDateTime;
  const event: Record<string, unknown> = {
    eventName,
    eventId: eventID,
    sequenceNumber: dynamodb.SequenceNumber,
    approximateCreationTime: new Date(typeof time === 'number' ? time * 1000 : time.getTime()),
    sizeBytes: dynamodb.SizeBytes,
    streamViewType: codecs.viewType ?? dynamodb.StreamViewType,
    keys,
    itemKey: itemKeyOf(dynamodb.Keys),
    streamArn,
    tableName: arn?.tableName,
    region: awsRegion ?? arn?.region,
  };
  if (eventName === 'REMOVE') event.removedBy = removalCauseOf(userIdentity);
  if (images.newImage) event.newImage = newImage;
  if (images.oldImage) event.oldImage = oldImage;
  return E.right(event as unknown as ChangeEvent<T, V, K>);
};

// Records of a batch share one stream ARN; parse it once.
let lastArn: string | undefined;
let lastParts: StreamArnParts | undefined;
const arnParts = (arn: string): StreamArnParts | undefined => {
  if (arn !== lastArn) {
    lastArn = arn;
    lastParts = parseStreamArn(arn);
  }
  return lastParts;
};
