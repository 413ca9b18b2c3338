import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
} from '@aws-sdk/client-dynamodb-streams';
import { listShards, type ShardInfo } from '@sluice/core';
import * as E from 'fp-ts/lib/Either.js';
import { type StreamCallFailed, streamCallFailed } from '../reading/streamCallFailed.js';

/** Every shard of a stream (`listShards` over this client), a failed call as a value. */
export const describeShards = async (
  streams: Pick<DynamoDBStreamsClient, 'send'>,
  streamArn: string,
): Promise<E.Either<StreamCallFailed, readonly ShardInfo[]>> => {
  try {
    return E.right(
      await listShards(
        async (startAfter) =>
          (
            await streams.send(
              new DescribeStreamCommand({
                StreamArn: streamArn,
                ExclusiveStartShardId: startAfter,
              }),
            )
          ).StreamDescription,
      ),
    );
  } catch (error) {
    return E.left(streamCallFailed('DescribeStream', streamArn, undefined, error));
  }
};
