import { ManualClock } from '@sluice/core';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { InMemoryTable } from '../table/inMemoryTable.js';
import { deliverStream } from './deliveryDriver.js';

const newTable = (partitionCount = 1) =>
  new InMemoryTable({
    tableName: 'orders',
    partitionKey: { name: 'pk', type: 'S' },
    streamViewType: 'NEW_IMAGE',
    clock: new ManualClock(),
    stream: { partitionCount },
  });

// Keys that differ early, so the stream's key hash spreads them over shards.
const itemKey = (i: number): string => `${(Math.imul(i + 1, 0x9e3779b1) >>> 0).toString(16)}-item`;

/** `rounds` writes to each of `items` items, interleaved: item 0 v0, item 1 v0, …, item 0 v1, … */
const writeRounds = (table: InMemoryTable, items: number, rounds: number, from = 0): void => {
  for (let round = from; round < from + rounds; round++) {
    for (let i = 0; i < items; i++) table.put({ pk: itemKey(i), version: round });
  }
};

/** A handler that logs, per item, the versions it saw and the overall order of records. */
const versionLog = () => {
  const perItem = new Map<string, number[]>();
  const order: string[] = [];
  return {
    perItem,
    order,
    handler: async (event: DynamoDBStreamEvent) => {
      for (const record of event.Records) {
        const pk = record.dynamodb?.NewImage?.pk?.S ?? '';
        const version = Number(record.dynamodb?.NewImage?.version?.N);
        perItem.set(pk, [...(perItem.get(pk) ?? []), version]);
        order.push(`${pk}@${version}`);
      }
    },
  };
};

const increasing = (values: readonly number[]): boolean =>
  values.every((v, i) => i === 0 || v > (values[i - 1] as number));

describe('ParallelizationFactor', () => {
  it('spreads a shard over concurrent lanes yet keeps every item in order', async () => {
    const table = newTable();
    writeRounds(table, 12, 5);
    const { perItem, order, handler } = versionLog();
    const report = await deliverStream({
      source: table,
      handler,
      options: { ParallelizationFactor: 4, BatchSize: 5 },
      faults: { concurrentBatches: 4 },
    });
    expect(new Set(report.batches.map((b) => b.lane)).size).toBe(4);
    for (const versions of perItem.values()) expect(versions).toEqual([0, 1, 2, 3, 4]);
    // Lanes overtake one another: the overall order is not the write order.
    const written = Array.from(
      { length: 60 },
      (_, k) => `${itemKey(k % 12)}@${Math.floor(k / 12)}`,
    );
    expect(order).not.toEqual(written);
    expect([...order].sort()).toEqual([...written].sort());
  });
});

describe('shards', () => {
  it('finishes a parent before any of its children, through a split and a rollover', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const table = newTable();
      writeRounds(table, 6, 2, 0);
      const [parent] = table.stream.openShardIds();
      const children = table.stream.split(parent ?? '');
      writeRounds(table, 6, 2, 2);
      const grandchildren = table.stream.rollover(children[0]);
      writeRounds(table, 6, 2, 4);
      const { perItem, handler } = versionLog();
      const report = await deliverStream({
        source: table,
        handler,
        options: { BatchSize: 2, ParallelizationFactor: 2 },
        faults: { seed, interleaveShards: true, concurrentBatches: 3 },
      });
      const lastOf = (shardId: string) =>
        report.batches.reduce((last, b, i) => (b.shardId === shardId ? i : last), -1);
      const firstOf = (shardId: string) => report.batches.findIndex((b) => b.shardId === shardId);
      for (const child of children) expect(firstOf(child)).toBeGreaterThan(lastOf(parent ?? ''));
      expect(firstOf(grandchildren[0] ?? '')).toBeGreaterThan(lastOf(children[0]));
      for (const versions of perItem.values()) expect(versions).toEqual([0, 1, 2, 3, 4, 5]);
    }
  });

  it('round-robins shards by default and shuffles them, by seed, when interleaving', async () => {
    const shardOrder = async (faults: { seed: number; interleaveShards?: boolean }) => {
      const table = newTable(4);
      writeRounds(table, 16, 4);
      const report = await deliverStream({
        source: table,
        handler: async () => {},
        options: { BatchSize: 2 },
        faults,
      });
      const ids = new Map<string, number>();
      return report.batches
        .map((b) => ids.get(b.shardId) ?? ids.set(b.shardId, ids.size).size - 1)
        .join('');
    };
    const roundRobin = await shardOrder({ seed: 1 });
    expect(roundRobin.startsWith('0123')).toBe(true);
    expect(await shardOrder({ seed: 2 })).toBe(roundRobin);
    const shuffled = await Promise.all(
      [1, 2, 3].map((seed) => shardOrder({ seed, interleaveShards: true })),
    );
    expect(new Set(shuffled).size).toBeGreaterThan(1);
    expect(shuffled).not.toContain(roundRobin);
    expect(await shardOrder({ seed: 1, interleaveShards: true })).toBe(shuffled[0]);
  });

  it('keeps the order of each item across a split, and reads shards a parent never saw', async () => {
    const table = newTable(2);
    writeRounds(table, 8, 3);
    for (const shardId of table.stream.openShardIds()) table.stream.split(shardId);
    writeRounds(table, 8, 3, 3);
    const { perItem, handler } = versionLog();
    const report = await deliverStream({
      source: table,
      handler,
      faults: { interleaveShards: true, seed: 7 },
    });
    expect(new Set(report.batches.map((b) => b.shardId)).size).toBeGreaterThanOrEqual(4);
    for (const versions of perItem.values())
      expect(increasing(versions) && versions.length).toBe(6);
  });
});

describe('shard lineage', () => {
  it('holds a grandchild back until its grandparent is done, even when the parent between them is empty', async () => {
    for (let seed = 0; seed < 20; seed++) {
      const table = newTable();
      table.put({ pk: itemKey(0), version: 0 });
      const [parent] = table.stream.openShardIds();
      // Two roll-overs in a row: the middle shard closes with no record and is done at once.
      const [middle] = table.stream.rollover(parent);
      table.stream.rollover(middle);
      table.put({ pk: itemKey(0), version: 1 });
      const { perItem, handler } = versionLog();
      await deliverStream({
        source: table,
        handler,
        options: { BatchSize: 1 },
        faults: { seed, interleaveShards: true },
      });
      expect(perItem.get(itemKey(0))).toEqual([0, 1]);
    }
  });
});
