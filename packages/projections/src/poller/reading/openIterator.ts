import {
  type DynamoDBStreamsClient,
  GetShardIteratorCommand,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';
import * as E from 'fp-ts/lib/Either.js';
import type { LeaseCheckpoint } from '../lease/lease.js';
import { type StreamCallFailed, streamCallFailed } from './streamCallFailed.js';

/** Where reading resumes: the sentinel itself, or just after the last processed sequence number. */
const iteratorRequest = (
  position: Exclude<LeaseCheckpoint, 'SHARD_END'>,
): { ShardIteratorType: ShardIteratorType; SequenceNumber?: string } =>
  position === 'TRIM_HORIZON'
    ? { ShardIteratorType: 'TRIM_HORIZON' }
    : position === 'LATEST'
      ? { ShardIteratorType: 'LATEST' }
      : { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: position };

/** Opens a shard iterator at a checkpoint (AFTER_SEQUENCE_NUMBER for a sequence number). */
export const openIterator = async (
  streams: Pick<DynamoDBStreamsClient, 'send'>,
  streamArn: string,
  shardId: string,
  position: Exclude<LeaseCheckpoint, 'SHARD_END'>,
): Promise<E.Either<StreamCallFailed, string | undefined>> => {
  try {
    const out = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...iteratorRequest(position),
      }),
    );
    return E.right(out.ShardIterator);
  } catch (error) {
    return E.left(streamCallFailed('GetShardIterator', streamArn, shardId, error));
  }
};
