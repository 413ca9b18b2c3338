import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InMemoryTable } from '../table/inMemoryTable.js';
import type { InMemoryStreamOptions } from './inMemoryStream.js';
import type { InMemoryStreamRecord } from './streamRecord.js';

const table = (stream: InMemoryStreamOptions) =>
  new InMemoryTable({
    tableName: 'events',
    partitionKey: { name: 'id', type: 'S' },
    streamViewType: 'KEYS_ONLY',
    stream,
  });

const sequenceOf = (record: InMemoryStreamRecord): bigint => BigInt(record.dynamodb.SequenceNumber);

/** Writes `count` items round-robin over 40 keys; returns the records in write order. */
const write = (t: InMemoryTable, count: number): InMemoryStreamRecord[] => {
  for (let i = 0; i < count; i++) t.put({ id: `k${i % 40}`, v: i });
  return t.stream.records();
};

/** The stream's records grouped by the shard that holds them, in shard order. */
const byShard = (records: readonly InMemoryStreamRecord[], t: InMemoryTable) => {
  const shards = t.stream.describeStream().StreamDescription.Shards ?? [];
  return shards.map((shard) => {
    const { ShardIterator } = t.stream.getShardIterator({
      StreamArn: t.stream.streamArn,
      ShardId: shard.ShardId,
      ShardIteratorType: 'TRIM_HORIZON',
    });
    const read = t.stream.getRecords({ ShardIterator }).Records;
    expect(read.every((r) => records.includes(r))).toBe(true);
    return { shard, records: read };
  });
};

describe('sequence numbers', () => {
  it('order each shard strictly, start children above their parent, and stay unique, 21 digits wide', () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const t = table({ partitionCount: 3, sequenceSeed: seed });
        write(t, 30);
        const [first] = t.stream.openShardIds();
        t.stream.split(first as string);
        t.stream.rollover();
        const records = write(t, 60);
        const shards = byShard(records, t);
        for (const { shard, records: held } of shards) {
          const numbers = held.map(sequenceOf);
          const start = BigInt(shard.SequenceNumberRange?.StartingSequenceNumber as string);
          expect(numbers.every((n, i) => n > (numbers[i - 1] ?? start - 1n))).toBe(true);
          const parent = shards.find((s) => s.shard.ShardId === shard.ParentShardId);
          const parentEnd = parent?.shard.SequenceNumberRange?.EndingSequenceNumber;
          if (parentEnd !== undefined) expect(start > BigInt(parentEnd)).toBe(true);
        }
        expect(records.every((r) => /^\d{21}$/.test(r.dynamodb.SequenceNumber))).toBe(true);
        expect(new Set(records.map((r) => r.dynamodb.SequenceNumber)).size).toBe(records.length);
        expect(new Set(records.map((r) => r.eventID)).size).toBe(records.length);
      }),
      { numRuns: 50 },
    );
  });

  it('mislead across shards by default: sequence order is not write order, for every seed', () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const records = write(table({ partitionCount: 4, sequenceSeed: seed }), 200);
        const bySequence = [...records].sort((a, b) => (sequenceOf(a) < sequenceOf(b) ? -1 : 1));
        expect(bySequence).not.toEqual(records);
        // Some record written later carries a lower number than one written before it.
        expect(records.some((r, i) => i > 0 && sequenceOf(r) < sequenceOf(records[i - 1]!))).toBe(
          true,
        );
      }),
      { numRuns: 50 },
    );
  });

  it('mislead with the default seed too, and repeat the same numbers for the same seed', () => {
    const numbers = (stream: InMemoryStreamOptions) =>
      write(table(stream), 40).map((r) => r.dynamodb.SequenceNumber);
    const defaults = numbers({ partitionCount: 4 });
    expect(defaults).not.toEqual([...defaults].sort());
    expect(numbers({ partitionCount: 4, sequenceSeed: 1 })).toEqual(defaults);
    expect(numbers({ partitionCount: 4, sequenceSeed: 2 })).not.toEqual(defaults);
  });

  it('count over the whole stream when asked for monotone numbers', () => {
    const records = write(table({ partitionCount: 4, sequenceNumbers: 'monotone' }), 40);
    expect(records.map((r) => r.dynamodb.SequenceNumber)).toEqual(
      records.map((_, i) => String(i + 1).padStart(21, '0')),
    );
  });

  it('list records in write order whatever their numbers say', () => {
    const t = table({ partitionCount: 4 });
    write(t, 40);
    expect(t.stream.records().map((r) => r.dynamodb.Keys.id?.S)).toEqual(
      Array.from({ length: 40 }, (_, i) => `k${i}`),
    );
  });
});
