import type { StreamViewType } from '@sluice/core';
import type { InMemoryStreamRecord, InMemoryStreamRecordBody, ItemChange } from './streamRecord.js';

/** What a record takes from its stream besides the change itself. */
export interface RecordStamp {
  readonly viewType: StreamViewType;
  readonly region: string;
  readonly eventID: string;
  readonly sequenceNumber: string;
  readonly time: Date;
}

/**
 * The frozen stream record of one change: the images the view type keeps, and `SizeBytes` as
 * DynamoDB Local computes it (the sizes of `Keys` plus each image carried).
 */
export const buildRecord = (change: ItemChange, stamp: RecordStamp): InMemoryStreamRecord => {
  const { viewType: view, time, sequenceNumber, eventID } = stamp;
  const newImage =
    view === 'NEW_IMAGE' || view === 'NEW_AND_OLD_IMAGES' ? change.newImage : undefined;
  const oldImage =
    view === 'OLD_IMAGE' || view === 'NEW_AND_OLD_IMAGES' ? change.oldImage : undefined;
  const size =
    change.keysSize + (newImage ? change.newImageSize : 0) + (oldImage ? change.oldImageSize : 0);
  // Built field by field (no spreads): this runs once per change and dominates replay cost.
  let body: InMemoryStreamRecordBody;
  if (newImage && oldImage) {
    body = {
      ApproximateCreationDateTime: time,
      Keys: change.keys,
      NewImage: newImage,
      OldImage: oldImage,
      SequenceNumber: sequenceNumber,
      SizeBytes: size,
      StreamViewType: view,
    };
  } else if (newImage) {
    body = {
      ApproximateCreationDateTime: time,
      Keys: change.keys,
      NewImage: newImage,
      SequenceNumber: sequenceNumber,
      SizeBytes: size,
      StreamViewType: view,
    };
  } else if (oldImage) {
    body = {
      ApproximateCreationDateTime: time,
      Keys: change.keys,
      OldImage: oldImage,
      SequenceNumber: sequenceNumber,
      SizeBytes: size,
      StreamViewType: view,
    };
  } else {
    body = {
      ApproximateCreationDateTime: time,
      Keys: change.keys,
      SequenceNumber: sequenceNumber,
      SizeBytes: size,
      StreamViewType: view,
    };
  }
  const dynamodb = Object.freeze(body);
  const { eventName, userIdentity } = change;
  const record: InMemoryStreamRecord = userIdentity
    ? {
        eventID,
        eventName,
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: stamp.region,
        dynamodb,
        userIdentity,
      }
    : {
        eventID,
        eventName,
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: stamp.region,
        dynamodb,
      };
  return Object.freeze(record);
};
