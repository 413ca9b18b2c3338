import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
} from '@aws-sdk/client-dynamodb-streams';
import * as E from 'fp-ts/lib/Either.js';
import { type StreamCallFailed, streamCallFailed } from '../reading/streamCallFailed.js';

/** One shard of a stream, as `DescribeStream` lists it. */
export interface ShardInfo {
  readonly shardId: string;
  /** The shard this one continues (after a roll-over or split); finish it first. */
  readonly parentShardId: string | undefined;
  /** Set once the shard is closed: no record will be added after this one. */
  readonly endingSequenceNumber: string | undefined;
}

/** Every shard of a stream: pages through `DescribeStream` with `ExclusiveStartShardId`. */
export const describeShards = async (
  streams: Pick<DynamoDBStreamsClient, 'send'>,
  streamArn: string,
): Promise<E.Either<StreamCallFailed, readonly ShardInfo[]>> => {
  const shards: ShardInfo[] = [];
  let startAfter: string | undefined;
  try {
    do {
      const { StreamDescription: page } = await streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: startAfter }),
      );
      for (const shard of page?.Shards ?? []) {
        if (shard.ShardId === undefined) continue;
        shards.push({
          shardId: shard.ShardId,
          parentShardId: shard.ParentShardId,
          endingSequenceNumber: shard.SequenceNumberRange?.EndingSequenceNumber,
        });
      }
      startAfter = page?.LastEvaluatedShardId;
    } while (startAfter !== undefined);
  } catch (error) {
    return E.left(streamCallFailed('DescribeStream', streamArn, undefined, error));
  }
  return E.right(shards);
};
