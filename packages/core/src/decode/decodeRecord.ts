import * as E from 'fp-ts/lib/Either.js';
import { type DecodeFailure, decodeFailure } from '../errors/decodeFailure.js';
import type { ChangeEvent } from '../event/changeEvent.js';
import type { StreamViewType } from '../event/streamViewType.js';
import { itemKeyOf } from '../identity/itemKey.js';
import { removalCauseOf } from '../record/removalCause.js';
import { parseStreamArn, type StreamArnParts } from '../record/streamArn.js';
import type { StreamRecordInput } from '../record/streamRecordInput.js';
import type { ChangeEventCodecs, DecodeContext } from './changeEventCodecs.js';
import { checkRecord } from './checkRecord.js';
import { decodeImage } from './decodeImage.js';

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
): E.Either<DecodeFailure, ChangeEvent<T, V, K>> => {
  const checked = checkRecord(codecs.viewType, record);
  if (E.isLeft(checked)) return E.left(decodeFailure(checked.left, record));
  const { eventName, sequenceNumber, viewType, images } = checked.right;
  const { dynamodb, eventSourceARN, awsRegion, eventID, userIdentity } = checked.right.record;
  const inexact = codecs.inexactNumbers ?? 'fail';

  const keys = decodeImage(codecs.keys, 'Keys', dynamodb.Keys, inexact);
  if (E.isLeft(keys)) return E.left(decodeFailure(keys.left, record));
  const newImage = images.newImage
    ? decodeImage(codecs.item, 'NewImage', dynamodb.NewImage, inexact)
    : undefined;
  if (newImage !== undefined && E.isLeft(newImage)) {
    return E.left(decodeFailure(newImage.left, record));
  }
  const oldImage = images.oldImage
    ? decodeImage(codecs.item, 'OldImage', dynamodb.OldImage, inexact)
    : undefined;
  if (oldImage !== undefined && E.isLeft(oldImage)) {
    return E.left(decodeFailure(oldImage.left, record));
  }

  const streamArn = eventSourceARN ?? context?.streamArn;
  const arn = streamArn === undefined ? undefined : arnParts(streamArn);
  const time = dynamodb.ApproximateCreationDateTime;
  const event: Record<string, unknown> = {
    eventName,
    eventId: eventID,
    sequenceNumber,
    approximateCreationTime: new Date(typeof time === 'number' ? time * 1000 : time.getTime()),
    sizeBytes: dynamodb.SizeBytes,
    streamViewType: viewType,
    keys: keys.right,
    itemKey: itemKeyOf(dynamodb.Keys),
    streamArn,
    tableName: arn?.tableName,
    region: awsRegion ?? arn?.region,
  };
  if (eventName === 'REMOVE') event.removedBy = removalCauseOf(userIdentity);
  if (newImage !== undefined) event.newImage = newImage.right;
  if (oldImage !== undefined) event.oldImage = oldImage.right;
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
