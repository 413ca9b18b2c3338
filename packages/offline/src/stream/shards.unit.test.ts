import { ManualClock } from '@sluice/core';
import { describe, expect, it } from 'vitest';
import { InMemoryTable } from '../table/inMemoryTable.js';
import type { InMemoryStream } from './inMemoryStream.js';
import type { InMemoryStreamRecord } from './streamRecord.js';

const HOUR = 3_600_000;

const table = (
  options: { partitionCount?: number; rolloverIntervalMs?: number } = {},
  clock = new ManualClock(),
) =>
  new InMemoryTable({
    tableName: 'events',
    partitionKey: { name: 'id', type: 'S' },
    streamViewType: 'NEW_IMAGE',
    // One shard unless a test asks for more: these tests follow one shard's positions.
    stream: { partitionCount: 1, ...options },
    clock,
  });

const shardsOf = (stream: InMemoryStream) => stream.describeStream().StreamDescription.Shards ?? [];

/** Reads a whole shard from TRIM_HORIZON; stops at the end of a closed shard or an empty read. */
const readShard = (
  stream: InMemoryStream,
  shardId: string,
  limit = 1000,
): InMemoryStreamRecord[] => {
  const records: InMemoryStreamRecord[] = [];
  let iterator: string | undefined = stream.getShardIterator({
    StreamArn: stream.streamArn,
    ShardId: shardId,
    ShardIteratorType: 'TRIM_HORIZON',
  }).ShardIterator;
  while (iterator) {
    const page = stream.getRecords({ ShardIterator: iterator, Limit: limit });
    records.push(...page.Records);
    if (page.Records.length === 0) break;
    iterator = page.NextShardIterator;
  }
  return records;
};

/** Reads every shard, parents before children, as a consumer must. */
const readInLineageOrder = (stream: InMemoryStream): InMemoryStreamRecord[] => {
  const shards = shardsOf(stream);
  const done = new Set<string>();
  const out: InMemoryStreamRecord[] = [];
  while (done.size < shards.length) {
    for (const shard of shards) {
      const id = shard.ShardId as string;
      if (done.has(id)) continue;
      const parent = shard.ParentShardId;
      if (parent && !done.has(parent) && shards.some((s) => s.ShardId === parent)) continue;
      out.push(...readShard(stream, id));
      done.add(id);
    }
  }
  return out;
};

const expectPerKeyOrder = (records: readonly InMemoryStreamRecord[]) => {
  const lastVersion = new Map<string, number>();
  for (const record of records) {
    const id = record.dynamodb.Keys.id?.S as string;
    const version = Number(record.dynamodb.NewImage?.v?.N);
    expect(version).toBeGreaterThan(lastVersion.get(id) ?? -1);
    lastVersion.set(id, version);
  }
};

describe('shards', () => {
  it('start with one open shard per partition, each key always landing on the same one', () => {
    const t = table({ partitionCount: 4 });
    for (let v = 0; v < 3; v++) for (let k = 0; k < 40; k++) t.put({ id: `k${k}`, v });
    const shards = shardsOf(t.stream);
    expect(shards).toHaveLength(4);
    expect(
      shards.every(
        (s) =>
          s.ParentShardId === undefined &&
          s.SequenceNumberRange?.EndingSequenceNumber === undefined,
      ),
    ).toBe(true);
    const shardOfKey = new Map<string, string>();
    let used = 0;
    for (const shard of shards) {
      const records = readShard(t.stream, shard.ShardId as string);
      if (records.length > 0) used++;
      for (const r of records) {
        const key = r.dynamodb.Keys.id?.S as string;
        expect(shardOfKey.get(key) ?? shard.ShardId).toBe(shard.ShardId);
        shardOfKey.set(key, shard.ShardId as string);
      }
    }
    expect(shardOfKey.size).toBe(40);
    expect(used).toBeGreaterThan(1);
  });

  it('roll over on demand: the parent closes with its last sequence number and the child names it', () => {
    const t = table();
    const first = t.put({ id: 'a', v: 0 }).record?.dynamodb.SequenceNumber;
    const last = t.put({ id: 'a', v: 1 }).record?.dynamodb.SequenceNumber;
    const [parentId] = t.stream.openShardIds();
    const [childId] = t.stream.rollover();
    t.put({ id: 'a', v: 2 });
    const [parent, child] = shardsOf(t.stream);
    expect(parent).toEqual({
      ShardId: parentId,
      SequenceNumberRange: {
        StartingSequenceNumber: first,
        EndingSequenceNumber: last,
      },
    });
    expect(child?.ShardId).toBe(childId);
    expect(child?.ParentShardId).toBe(parentId);
    expect(child?.SequenceNumberRange?.EndingSequenceNumber).toBeUndefined();
    expect(BigInt(child?.SequenceNumberRange?.StartingSequenceNumber as string)).toBeGreaterThan(
      BigInt(last as string),
    );
    expect(readShard(t.stream, parentId as string).map((r) => r.dynamodb.NewImage?.v?.N)).toEqual([
      '0',
      '1',
    ]);
    expect(readShard(t.stream, childId as string).map((r) => r.dynamodb.NewImage?.v?.N)).toEqual([
      '2',
    ]);
  });

  it('roll over by time once a shard is older than the interval', () => {
    const clock = new ManualClock();
    const t = table({ rolloverIntervalMs: 4 * HOUR }, clock);
    t.put({ id: 'a', v: 0 });
    clock.advance(4 * HOUR - 1);
    t.put({ id: 'a', v: 1 });
    expect(shardsOf(t.stream)).toHaveLength(1);
    clock.advance(1);
    expect(shardsOf(t.stream)).toHaveLength(2);
    t.put({ id: 'a', v: 2 });
    clock.advance(4 * HOUR);
    t.put({ id: 'a', v: 3 });
    const shards = shardsOf(t.stream);
    expect(shards).toHaveLength(3);
    expect(shards[1]?.ParentShardId).toBe(shards[0]?.ShardId);
    expect(shards[2]?.ParentShardId).toBe(shards[1]?.ShardId);
    expect(readInLineageOrder(t.stream).map((r) => r.dynamodb.NewImage?.v?.N)).toEqual([
      '0',
      '1',
      '2',
      '3',
    ]);
  });

  it('split into two children that divide the keys and both name the parent', () => {
    const t = table();
    for (let k = 0; k < 30; k++) t.put({ id: `k${k}`, v: 0 });
    const [parentId] = t.stream.openShardIds();
    const children = t.stream.split(parentId as string);
    for (let k = 0; k < 30; k++) t.put({ id: `k${k}`, v: 1 });
    const shards = shardsOf(t.stream);
    expect(shards.map((s) => s.ParentShardId)).toEqual([undefined, parentId, parentId]);
    expect(shards.slice(1).map((s) => s.ShardId)).toEqual(children);
    const [left, right] = children.map((id) =>
      readShard(t.stream, id).map((r) => r.dynamodb.Keys.id?.S),
    );
    expect((left?.length ?? 0) + (right?.length ?? 0)).toBe(30);
    expect(left?.length).toBeGreaterThan(0);
    expect(right?.length).toBeGreaterThan(0);
    expect(left?.filter((k) => right?.includes(k))).toEqual([]);
  });

  it('keep every change of a key in order across rollovers and splits, read parents first', () => {
    const t = table({ partitionCount: 2 });
    let v = 0;
    const writeRound = () => {
      for (let k = 0; k < 20; k++) t.put({ id: `k${k}`, v });
      v++;
    };
    writeRound();
    t.stream.split(t.stream.openShardIds()[0] as string);
    writeRound();
    t.stream.rollover();
    writeRound();
    t.stream.split(t.stream.openShardIds()[1] as string);
    writeRound();
    const records = readInLineageOrder(t.stream);
    expect(records).toHaveLength(80);
    expectPerKeyOrder(records);
  });

  it('describe pages through shards with Limit and ExclusiveStartShardId', () => {
    const t = table({ partitionCount: 3 });
    t.stream.rollover();
    const all = shardsOf(t.stream).map((s) => s.ShardId);
    expect(all).toHaveLength(6);
    const first = t.stream.describeStream({
      StreamArn: t.stream.streamArn,
      Limit: 4,
    }).StreamDescription;
    expect(first.Shards?.map((s) => s.ShardId)).toEqual(all.slice(0, 4));
    expect(first.LastEvaluatedShardId).toBe(all[3]);
    const second = t.stream.describeStream({
      StreamArn: t.stream.streamArn,
      Limit: 4,
      ExclusiveStartShardId: first.LastEvaluatedShardId,
    }).StreamDescription;
    expect(second.Shards?.map((s) => s.ShardId)).toEqual(all.slice(4));
    expect(second.LastEvaluatedShardId).toBeUndefined();
    expect(first).toMatchObject({
      StreamStatus: 'ENABLED',
      StreamViewType: 'NEW_IMAGE',
      TableName: 'events',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    });
  });
});

describe('reading a shard', () => {
  const filled = () => {
    const t = table();
    const seqs = Array.from(
      { length: 5 },
      (_, v) => t.put({ id: 'a', v }).record?.dynamodb.SequenceNumber as string,
    );
    const shardId = t.stream.openShardIds()[0] as string;
    const iterator = (ShardIteratorType: string, SequenceNumber?: string) =>
      t.stream.getShardIterator({
        StreamArn: t.stream.streamArn,
        ShardId: shardId,
        ShardIteratorType: ShardIteratorType as 'LATEST',
        ...(SequenceNumber ? { SequenceNumber } : {}),
      }).ShardIterator;
    const versions = (it: string) =>
      t.stream.getRecords({ ShardIterator: it }).Records.map((r) => r.dynamodb.NewImage?.v?.N);
    return { t, seqs, shardId, iterator, versions };
  };

  it('starts at TRIM_HORIZON, LATEST, AT_ or AFTER_SEQUENCE_NUMBER', () => {
    const { t, seqs, iterator, versions } = filled();
    expect(versions(iterator('TRIM_HORIZON'))).toEqual(['0', '1', '2', '3', '4']);
    expect(versions(iterator('AT_SEQUENCE_NUMBER', seqs[2]))).toEqual(['2', '3', '4']);
    expect(versions(iterator('AFTER_SEQUENCE_NUMBER', seqs[2]))).toEqual(['3', '4']);
    expect(versions(iterator('AFTER_SEQUENCE_NUMBER', seqs[4]))).toEqual([]);
    // Sequence numbers compare as integers: leading zeros do not matter.
    expect(versions(iterator('AT_SEQUENCE_NUMBER', BigInt(seqs[3] as string).toString()))).toEqual([
      '3',
      '4',
    ]);
    const latest = iterator('LATEST');
    expect(versions(latest)).toEqual([]);
    t.put({ id: 'a', v: 5 });
    expect(versions(latest)).toEqual(['5']);
  });

  it('returns at most Limit records and continues from NextShardIterator on an open shard', () => {
    const { t, iterator } = filled();
    const page = t.stream.getRecords({ ShardIterator: iterator('TRIM_HORIZON'), Limit: 2 });
    expect(page.Records).toHaveLength(2);
    const rest = t.stream.getRecords({ ShardIterator: page.NextShardIterator as string });
    expect(rest.Records).toHaveLength(3);
    expect(rest.NextShardIterator).toBeDefined();
    expect(
      t.stream.getRecords({ ShardIterator: rest.NextShardIterator as string }).Records,
    ).toEqual([]);
  });

  it('has no NextShardIterator once a closed shard is read to its end', () => {
    const { t, iterator } = filled();
    const it = iterator('TRIM_HORIZON');
    t.stream.rollover();
    const page = t.stream.getRecords({ ShardIterator: it, Limit: 3 });
    expect(page.NextShardIterator).toBeDefined();
    const end = t.stream.getRecords({ ShardIterator: page.NextShardIterator as string });
    expect(end.Records).toHaveLength(2);
    expect(end.NextShardIterator).toBeUndefined();
  });

  it('rejects bad limits, iterators, sequence numbers and unknown shards like the Streams API', () => {
    const { t, iterator, shardId } = filled();
    const nameOf = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message}`;
      }
      return 'ok';
    };
    expect(
      nameOf(() => t.stream.getRecords({ ShardIterator: iterator('TRIM_HORIZON'), Limit: 1001 })),
    ).toBe(
      'ValidationException: One or more parameter values were invalid: Limit should be less than or equal to 1000',
    );
    expect(nameOf(() => t.stream.getRecords({ ShardIterator: 'garbage' }))).toBe(
      'ValidationException: Invalid ShardIterator',
    );
    expect(nameOf(() => iterator('AT_SEQUENCE_NUMBER', '9'.repeat(25)))).toMatch(
      /^ValidationException: .*Invalid SequenceNumber/,
    );
    expect(nameOf(() => iterator('AT_SEQUENCE_NUMBER'))).toMatch(/^ValidationException/);
    expect(
      nameOf(() =>
        t.stream.getShardIterator({
          StreamArn: t.stream.streamArn,
          ShardId: 'shardId-nope',
          ShardIteratorType: 'LATEST',
        }),
      ),
    ).toMatch(/^ResourceNotFoundException/);
    expect(nameOf(() => t.stream.describeStream({ StreamArn: `${t.stream.streamArn}x` }))).toMatch(
      /^ResourceNotFoundException/,
    );
    expect(shardId).toMatch(/^shardId-\d{20}-[0-9a-f]{8}$/);
  });
});

describe('reading limits', () => {
  it('stops a GetRecords page at 1 MB of records', () => {
    const t = table();
    for (let i = 0; i < 5; i++) t.put({ id: `k${i}`, blob: 'x'.repeat(300_000) });
    const shardId = t.stream.openShardIds()[0] as string;
    const iterator = t.stream.getShardIterator({
      StreamArn: t.stream.streamArn,
      ShardId: shardId,
      ShardIteratorType: 'TRIM_HORIZON',
    });
    const page = t.stream.getRecords({ ShardIterator: iterator.ShardIterator });
    expect(page.Records).toHaveLength(3);
    expect(
      t.stream.getRecords({ ShardIterator: page.NextShardIterator as string }).Records,
    ).toHaveLength(2);
  });
});
