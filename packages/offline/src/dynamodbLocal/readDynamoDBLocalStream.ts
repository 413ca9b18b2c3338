import {
  type _Record,
  type AttributeValue,
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { listShards, type ShardInfo } from '@sluice/core';

/** How hard to retry DynamoDB Local's transient stream errors. */
export interface ReadDynamoDBLocalStreamOptions {
  /** Attempts per call before the error is rethrown; default 50 (about 5 s). */
  readonly attempts?: number;
  /** Pause between attempts; default 100 ms. */
  readonly delayMs?: number;
}

// A brand-new table's stream answers these for a moment on DynamoDB Local.
const TRANSIENT = new Set(['TrimmedDataAccessException', 'ResourceNotFoundException']);

const retrying = async <A>(
  call: () => Promise<A>,
  { attempts = 50, delayMs = 100 }: ReadDynamoDBLocalStreamOptions,
): Promise<A> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const name = (error as { name?: unknown }).name;
      if (attempt >= attempts || typeof name !== 'string' || !TRANSIENT.has(name)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
};

const shardsOf = (
  streams: DynamoDBStreamsClient,
  streamArn: string,
  options: ReadDynamoDBLocalStreamOptions,
): Promise<ShardInfo[]> =>
  listShards(
    async (startAfter) =>
      (
        await retrying(
          () =>
            streams.send(
              new DescribeStreamCommand({
                StreamArn: streamArn,
                ExclusiveStartShardId: startAfter,
              }),
            ),
          options,
        )
      ).StreamDescription,
  );

/** Parents before children, so records come out in an order a consumer may process them. */
const lineageOrder = (shards: readonly ShardInfo[]): ShardInfo[] => {
  const ids = new Set(shards.map((shard) => shard.shardId));
  const done = new Set<string | undefined>();
  const ordered: ShardInfo[] = [];
  let pending = [...shards];
  while (pending.length > 0) {
    const ready = pending.filter(
      (shard) =>
        shard.parentShardId === undefined ||
        !ids.has(shard.parentShardId) ||
        done.has(shard.parentShardId),
    );
    const next = ready.length > 0 ? ready : pending; // a lineage cycle cannot happen; never loop
    for (const shard of next) {
      ordered.push(shard);
      done.add(shard.shardId);
    }
    pending = pending.filter((shard) => !next.includes(shard));
  }
  return ordered;
};

// DynamoDB Local writes an empty map as `{}` in stream records (its tables and real DynamoDB
// Streams say `{ M: {} }`); a typeless AttributeValue means nothing else, so put the type back.
const repairValue = (value: AttributeValue): AttributeValue => {
  if (Object.keys(value).length === 0) return { M: {} };
  if (value.M !== undefined) return { M: repairImage(value.M) };
  if (value.L !== undefined) return { L: value.L.map(repairValue) };
  return value;
};

const repairImage = (image: Record<string, AttributeValue>): Record<string, AttributeValue> => {
  const out: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(image)) {
    Object.defineProperty(out, name, {
      value: repairValue(value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
};

const repairRecord = (record: _Record): _Record => {
  const { dynamodb } = record;
  if (dynamodb === undefined) return record;
  return {
    ...record,
    dynamodb: {
      ...dynamodb,
      ...(dynamodb.NewImage === undefined ? {} : { NewImage: repairImage(dynamodb.NewImage) }),
      ...(dynamodb.OldImage === undefined ? {} : { OldImage: repairImage(dynamodb.OldImage) }),
    },
  };
};

const readShard = async (
  streams: DynamoDBStreamsClient,
  streamArn: string,
  shardId: string,
  options: ReadDynamoDBLocalStreamOptions,
): Promise<_Record[]> => {
  const records: _Record[] = [];
  let iterator = (
    await retrying(
      () =>
        streams.send(
          new GetShardIteratorCommand({
            StreamArn: streamArn,
            ShardId: shardId,
            ShardIteratorType: 'TRIM_HORIZON',
          }),
        ),
      options,
    )
  ).ShardIterator;
  while (iterator !== undefined) {
    const current: string = iterator;
    const page = await retrying(
      () => streams.send(new GetRecordsCommand({ ShardIterator: current })),
      options,
    );
    const got = page.Records ?? [];
    records.push(...got.map(repairRecord));
    // An open shard always hands out a next iterator (except on DynamoDB Local, which may omit it
    // once drained): an empty page means "nothing more for now".
    iterator = got.length === 0 ? undefined : page.NextShardIterator;
  }
  return records;
};

/**
 * Every record currently in a stream, shard by shard (parents first), in sequence order. For
 * DynamoDB Local it retries the spurious `TrimmedDataAccessException` and
 * `ResourceNotFoundException` of brand-new tables, stops at the first empty page (an open shard's
 * `NextShardIterator` never ends, and DynamoDB Local sometimes omits it), and gives back the type
 * of empty maps, which DynamoDB Local's stream writes as a typeless `{}`.
 */
export const readDynamoDBLocalStream = async (
  streams: DynamoDBStreamsClient,
  streamArn: string,
  options: ReadDynamoDBLocalStreamOptions = {},
): Promise<_Record[]> => {
  const records: _Record[] = [];
  for (const shard of lineageOrder(await shardsOf(streams, streamArn, options))) {
    records.push(...(await readShard(streams, streamArn, shard.shardId, options)));
  }
  return records;
};
