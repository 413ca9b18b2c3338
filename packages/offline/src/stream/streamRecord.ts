import type { _Record, Identity } from '@aws-sdk/client-dynamodb-streams';
import type { StreamViewType } from '@sluice/core';
import type { AttributeMap } from '../item/attributeMap.js';

/** The three kinds of item-level change a stream record reports. */
export type StreamEventName = 'INSERT' | 'MODIFY' | 'REMOVE';

/** The `dynamodb` part of a stream record in the Streams API shape (time as a `Date`). */
export interface InMemoryStreamRecordBody {
  readonly ApproximateCreationDateTime: Date;
  readonly Keys: AttributeMap;
  readonly NewImage?: AttributeMap;
  readonly OldImage?: AttributeMap;
  readonly SequenceNumber: string;
  readonly SizeBytes: number;
  readonly StreamViewType: StreamViewType;
}

/**
 * A stream record exactly as `GetRecordsCommand` of `@aws-sdk/client-dynamodb-streams` returns it
 * (assignable to its `_Record`), with the fields DynamoDB always sets made non-optional.
 * Records and their images are frozen: they are shared, not copied, between readers.
 */
export interface InMemoryStreamRecord extends _Record {
  readonly eventID: string;
  readonly eventName: StreamEventName;
  readonly eventVersion: '1.1';
  readonly eventSource: 'aws:dynamodb';
  readonly awsRegion: string;
  readonly dynamodb: InMemoryStreamRecordBody;
  readonly userIdentity?: Identity;
}

/** The `userIdentity` of records written by DynamoDB itself: TTL deletions. */
export const TTL_SERVICE_IDENTITY: Identity = Object.freeze({
  PrincipalId: 'dynamodb.amazonaws.com',
  Type: 'Service',
});

/** One item-level change, as the table hands it to its stream (already known to change something). */
export interface ItemChange {
  readonly eventName: StreamEventName;
  readonly keys: AttributeMap;
  readonly keysSize: number;
  /** 32-bit hash of the partition key: decides the shard. */
  readonly hash: number;
  readonly newImage: AttributeMap | undefined;
  readonly newImageSize: number;
  readonly oldImage: AttributeMap | undefined;
  readonly oldImageSize: number;
  readonly userIdentity: Identity | undefined;
}
