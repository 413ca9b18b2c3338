import {
  type _Record,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
} from '@aws-sdk/client-dynamodb-streams';
import * as E from 'fp-ts/lib/Either.js';
import { type StreamCallFailed, streamCallFailed } from './streamCallFailed.js';

/** One `GetRecords` page: records, and where to read next (absent once a closed shard is read out). */
export interface RecordsPage {
  readonly records: readonly _Record[];
  readonly nextIterator: string | undefined;
}

/** Reads up to `limit` (≤ 1000) records at an iterator. */
export const getRecords = async (
  streams: Pick<DynamoDBStreamsClient, 'send'>,
  streamArn: string,
  shardId: string,
  iterator: string,
  limit: number,
): Promise<E.Either<StreamCallFailed, RecordsPage>> => {
  try {
    const out = await streams.send(
      new GetRecordsCommand({ ShardIterator: iterator, Limit: limit }),
    );
    return E.right({ records: out.Records ?? [], nextIterator: out.NextShardIterator });
  } catch (error) {
    return E.left(streamCallFailed('GetRecords', streamArn, shardId, error));
  }
};
