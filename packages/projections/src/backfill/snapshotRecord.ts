import { type ChangeEvent, itemKeyOf, parseStreamArn, type SequenceNumber } from '@sluice/core';
import type { DynamoDBRecord } from 'aws-lambda';
import { itemBytes } from './itemBytes.js';
import type { ScannedItem, SourceDescription } from './scanSource.js';

/**
 * The sequence number of every snapshot: zero, below any a stream issues. A snapshot then loses
 * to every real change of its item (`Contribute` markers and `PutIfNewer` versions keep the higher
 * number) and wins only where no change was applied: exactly "the later of snapshot and change".
 */
export const SNAPSHOT_SEQUENCE_NUMBER = '000000000000000000000' as SequenceNumber;

const SNAPSHOT_EVENT_ID = 'snapshot:';

/**
 * A scanned item as a synthetic stream record, in the shape Lambda delivers (as the poller hands
 * records over too): an INSERT carrying the item as its new image, sequence number zero, read
 * time as its creation time, and an eventID `snapshot:<item key>` naming it in dead letters.
 */
export const snapshotRecord = (
  item: ScannedItem,
  source: SourceDescription,
  readAt: Date,
): DynamoDBRecord => {
  const keys: ScannedItem = {};
  for (const name of source.keyAttributes) {
    const value = item[name];
    if (value !== undefined) keys[name] = value;
  }
  const viewType = source.streamViewType ?? 'NEW_AND_OLD_IMAGES';
  const carriesNew = viewType === 'NEW_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES';
  const arn = source.streamArn === undefined ? undefined : parseStreamArn(source.streamArn);
  return {
    eventID: SNAPSHOT_EVENT_ID + itemKeyOf(keys),
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    ...(arn === undefined ? {} : { awsRegion: arn.region }),
    ...(source.streamArn === undefined ? {} : { eventSourceARN: source.streamArn }),
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(readAt.getTime() / 1000),
      Keys: keys,
      ...(carriesNew ? { NewImage: item } : {}),
      SequenceNumber: SNAPSHOT_SEQUENCE_NUMBER,
      SizeBytes: itemBytes(item),
      StreamViewType: viewType,
    } as DynamoDBRecord['dynamodb'],
  };
};

/** Whether a change event is a backfill's snapshot rather than a change read from the stream. */
export const isSnapshot = (
  event: Pick<ChangeEvent<unknown>, 'eventId' | 'sequenceNumber'>,
): boolean =>
  event.sequenceNumber === SNAPSHOT_SEQUENCE_NUMBER && event.eventId.startsWith(SNAPSHOT_EVENT_ID);
