import {
  ExpiredIteratorException,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';
import { ManualClock } from '@sluice/core';
import { describe, expect, it } from 'vitest';
import { InMemoryTable } from '../table/inMemoryTable.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;

const setup = () => {
  const clock = new ManualClock();
  const table = new InMemoryTable({
    tableName: 'events',
    partitionKey: { name: 'id', type: 'S' },
    streamViewType: 'KEYS_ONLY',
    stream: { partitionCount: 1 }, // the tests follow one shard's positions
    clock,
  });
  const stream = table.stream;
  const shardId = () => stream.openShardIds()[0] as string;
  const iterator = (
    type: 'TRIM_HORIZON' | 'AT_SEQUENCE_NUMBER',
    SequenceNumber?: string,
    id = shardId(),
  ) =>
    stream.getShardIterator({
      StreamArn: stream.streamArn,
      ShardId: id,
      ShardIteratorType: type,
      ...(SequenceNumber ? { SequenceNumber } : {}),
    }).ShardIterator;
  return { clock, table, stream, shardId, iterator };
};

describe('retention', () => {
  it('keeps records for 24 hours of clock time, then trims them', () => {
    const { clock, table, stream, iterator } = setup();
    const oldSeq = table.put({ id: 'old' }).record?.dynamodb.SequenceNumber as string;
    clock.advance(12 * HOUR);
    table.put({ id: 'new' });
    clock.advance(12 * HOUR);
    expect(stream.records().map((r) => r.dynamodb.Keys.id?.S)).toEqual(['old', 'new']);
    clock.advance(1);
    expect(stream.records().map((r) => r.dynamodb.Keys.id?.S)).toEqual(['new']);
    const fromHorizon = stream.getRecords({ ShardIterator: iterator('TRIM_HORIZON') });
    expect(fromHorizon.Records.map((r) => r.dynamodb.Keys.id?.S)).toEqual(['new']);
    expect(() => iterator('AT_SEQUENCE_NUMBER', oldSeq)).toThrow(TrimmedDataAccessException);
  });

  it('fails reads from a position that was trimmed after the iterator was issued', () => {
    const { clock, table, stream, iterator } = setup();
    table.put({ id: 'a' });
    clock.advance(24 * HOUR - 5 * MINUTE);
    const it = iterator('TRIM_HORIZON');
    clock.advance(10 * MINUTE);
    const error = (() => {
      try {
        stream.getRecords({ ShardIterator: it });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TrimmedDataAccessException);
    expect((error as Error).name).toBe('TrimmedDataAccessException');
  });

  it('expires shard iterators 15 minutes after they were issued; NextShardIterator is a fresh one', () => {
    const { clock, table, stream, iterator } = setup();
    table.put({ id: 'a' });
    const it = iterator('TRIM_HORIZON');
    clock.advance(15 * MINUTE - 1);
    const page = stream.getRecords({ ShardIterator: it });
    expect(page.Records).toHaveLength(1);
    clock.advance(1);
    expect(() => stream.getRecords({ ShardIterator: it })).toThrow(ExpiredIteratorException);
    expect(stream.getRecords({ ShardIterator: page.NextShardIterator as string }).Records).toEqual(
      [],
    );
    clock.advance(15 * MINUTE);
    expect(() => stream.getRecords({ ShardIterator: page.NextShardIterator as string })).toThrow(
      ExpiredIteratorException,
    );
  });

  it('forgets closed shards once their records are trimmed and retention has passed', () => {
    const { clock, table, stream } = setup();
    table.put({ id: 'a' });
    stream.rollover();
    table.put({ id: 'b' });
    expect(stream.describeStream().StreamDescription.Shards).toHaveLength(2);
    clock.advance(24 * HOUR);
    expect(stream.describeStream().StreamDescription.Shards).toHaveLength(2);
    clock.advance(1);
    const shards = stream.describeStream().StreamDescription.Shards ?? [];
    expect(shards).toHaveLength(1);
    // The survivor still names its (now gone) parent, as on AWS.
    expect(shards[0]?.ParentShardId).toMatch(/^shardId-/);
  });

  it('really drops trimmed records from memory, so a long replay does not grow without bound', () => {
    const { clock, table, stream } = setup();
    for (let i = 0; i < 50_000; i++) {
      table.put({ id: `k${i % 100}`, i });
      clock.advance(10 * 1000);
    }
    // 50 000 records 10 s apart span ~139 h; only the last 24 h (8 640 records) are retained.
    expect(stream.records()).toHaveLength(8640);
    expect(stream.heldRecordCount()).toBeLessThan(2 * 8640 + 1024);
  });
});

describe('iterators on forgotten shards', () => {
  it('report trimmed data once the shard they point into is gone', () => {
    const { clock, table, stream, iterator } = setup();
    table.put({ id: 'a' });
    const parent = stream.openShardIds()[0] as string;
    stream.rollover();
    clock.advance(24 * HOUR - MINUTE);
    const it = iterator('TRIM_HORIZON', undefined, parent);
    clock.advance(2 * MINUTE);
    expect(() => stream.getRecords({ ShardIterator: it })).toThrow(TrimmedDataAccessException);
  });
});
