import {
  type _Record,
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { listShards, type ShardInfo } from '@sluice/core';
import type { StreamsApi } from './streamsApi.js';

/** Every shard of the stream behind `api`, through the one `listShards`. */
export const describeShards = (api: StreamsApi, streamArn: string): Promise<ShardInfo[]> =>
  listShards(
    async (startAfter) =>
      (
        await api.send(
          new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: startAfter }),
        )
      ).StreamDescription,
  );

/** Where to read from: the shard's start, or just after a sequence number already read. */
export type ReadFrom =
  | { readonly type: 'TRIM_HORIZON' }
  | { readonly type: 'AFTER'; readonly sequenceNumber: string };

/** What one read of a shard returned. */
export interface ShardRead {
  readonly records: readonly _Record[];
  /** True when the shard is closed and nothing is left to read (no `NextShardIterator`). */
  readonly ended: boolean;
  /** True when `from` had been trimmed away and the read restarted at the trim horizon. */
  readonly trimmed: boolean;
}

const isNamed = (error: unknown, name: string): boolean =>
  (error as { name?: unknown } | null)?.name === name;

const iteratorFor = async (
  api: StreamsApi,
  streamArn: string,
  shardId: string,
  from: ReadFrom,
): Promise<{ iterator: string | undefined; trimmed: boolean }> => {
  const request =
    from.type === 'TRIM_HORIZON'
      ? { ShardIteratorType: 'TRIM_HORIZON' as const }
      : {
          ShardIteratorType: 'AFTER_SEQUENCE_NUMBER' as const,
          SequenceNumber: from.sequenceNumber,
        };
  try {
    const { ShardIterator } = await api.send(
      new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ...request }),
    );
    return { iterator: ShardIterator, trimmed: false };
  } catch (error) {
    // The position fell out of the 24-hour retention: like Lambda, carry on from what is left.
    if (from.type !== 'AFTER' || !isNamed(error, 'TrimmedDataAccessException')) throw error;
    const { ShardIterator } = await api.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ShardIteratorType: 'TRIM_HORIZON',
      }),
    );
    return { iterator: ShardIterator, trimmed: true };
  }
};

/**
 * Everything readable in a shard from `from` on. Fresh iterators each time, so a clock moved past
 * the 15-minute iterator lifetime between drains never matters.
 */
export const readShard = async (
  api: StreamsApi,
  streamArn: string,
  shardId: string,
  from: ReadFrom,
): Promise<ShardRead> => {
  const { iterator: first, trimmed } = await iteratorFor(api, streamArn, shardId, from);
  const records: _Record[] = [];
  let iterator = first;
  while (iterator !== undefined) {
    const page = await api.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
    const got = page.Records ?? [];
    records.push(...got);
    if (page.NextShardIterator === undefined) return { records, ended: true, trimmed };
    // An open shard always returns a next iterator: an empty page means "caught up for now".
    iterator = got.length === 0 ? undefined : page.NextShardIterator;
  }
  return { records, ended: false, trimmed };
};
