import { ManualClock } from '@sluice/core';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random/seededRandom.js';
import { InMemoryTable } from '../table/inMemoryTable.js';
import { deliverStream } from './deliveryDriver.js';
import type { DeliveryFaults } from './deliveryFaults.js';
import type { EventSourceMappingOptions } from './eventSourceMappingOptions.js';

const itemKey = (i: number): string => `${(Math.imul(i + 1, 0x9e3779b1) >>> 0).toString(16)}-item`;

const newTable = (partitionCount = 1) =>
  new InMemoryTable({
    tableName: 'orders',
    partitionKey: { name: 'pk', type: 'S' },
    streamViewType: 'NEW_IMAGE',
    clock: new ManualClock(),
    stream: { partitionCount },
  });

const writeItems = (table: InMemoryTable, count: number): string[] =>
  Array.from(
    { length: count },
    (_, i) => table.put({ pk: itemKey(i), n: i }).record?.dynamodb.SequenceNumber ?? '',
  );

const seqOf = (record: DynamoDBRecord): string => record.dynamodb?.SequenceNumber ?? '';

const recorder = (fail: (event: DynamoDBStreamEvent, call: number) => boolean = () => false) => {
  const events: string[][] = [];
  return {
    events,
    handler: async (event: DynamoDBStreamEvent) => {
      events.push(event.Records.map(seqOf));
      if (fail(event, events.length)) throw new Error('handler failed');
    },
  };
};

describe('fault injection', () => {
  it('duplicateBatch delivers a successful batch again, yet acknowledges each record once', async () => {
    const table = newTable();
    const seq = writeItems(table, 4);
    const { events, handler } = recorder();
    const report = await deliverStream({
      source: table,
      handler,
      options: { BatchSize: 2 },
      faults: { duplicateBatch: 1, maxFaultsInARow: 2 },
    });
    const first = seq.slice(0, 2);
    const second = seq.slice(2);
    expect(events).toEqual([first, first, first, second, second, second]);
    expect(report.faults.duplicatedBatches).toBe(4);
    expect(report.recordsSucceeded).toBe(4);
    expect(report.batches.map((b) => b.fault)).toEqual([
      undefined,
      'duplicate',
      'duplicate',
      undefined,
      'duplicate',
      'duplicate',
    ]);
  });

  it('loseResponse runs the handler (its side effects happen) and then retries the batch', async () => {
    const table = newTable();
    const seq = writeItems(table, 3);
    const applied: string[] = [];
    const report = await deliverStream({
      source: table,
      handler: async (event) => {
        applied.push(...event.Records.map(seqOf));
      },
      faults: { loseResponse: 1, maxFaultsInARow: 1 },
    });
    expect(applied).toEqual([...seq, ...seq]);
    expect(report.faults.lostResponses).toBe(1);
    expect(report.batches.map((b) => b.outcome._tag)).toEqual(['Failed', 'Succeeded']);
    expect(report.recordsSucceeded).toBe(3);
  });

  it('regroupRetries retries failed records in batches of other sizes', async () => {
    const table = newTable();
    writeItems(table, 40);
    const { events, handler } = recorder((_event, call) => call % 2 === 1);
    const report = await deliverStream({
      source: table,
      handler,
      options: { BatchSize: 8 },
      faults: { regroupRetries: 1, seed: 3 },
    });
    expect(report.faults.regroupedRetries).toBeGreaterThan(0);
    const regrouped = report.batches.filter((b) => b.fault === 'regrouped');
    expect(regrouped.some((b) => b.sequenceNumbers.length !== 8)).toBe(true);
    expect(new Set(events.flat()).size).toBe(40);
    expect(report.recordsSucceeded).toBe(40);
  });

  it('the same seed replays the same schedule; another seed gives another one', async () => {
    const schedule = async (seed: number) => {
      const table = newTable(3);
      writeItems(table, 30);
      const random = seededRandom(seed);
      const report = await deliverStream({
        source: table,
        handler: async () => {
          if (random.chance(0.3)) throw new Error('flaky');
        },
        options: { BatchSize: 4, BisectBatchOnFunctionError: true },
        faults: {
          seed,
          duplicateBatch: 0.2,
          loseResponse: 0.2,
          regroupRetries: 0.5,
          interleaveShards: true,
        },
      });
      return report.batches.map(
        (b) => `${b.sequenceNumbers.join(',')}:${b.outcome._tag}:${b.fault ?? ''}`,
      );
    };
    expect(await schedule(42)).toEqual(await schedule(42));
    expect(await schedule(42)).not.toEqual(await schedule(43));
  });
});

const scheduleArbitrary = fc.record({
  items: fc.integer({ min: 1, max: 6 }),
  writes: fc.array(fc.nat(5), { minLength: 1, maxLength: 40 }),
  partitions: fc.integer({ min: 1, max: 3 }),
  splitAfter: fc.option(fc.nat(40), { nil: undefined }),
  options: fc.record({
    BatchSize: fc.integer({ min: 1, max: 10 }),
    ParallelizationFactor: fc.integer({ min: 1, max: 4 }),
    BisectBatchOnFunctionError: fc.boolean(),
    FunctionResponseTypes: fc.constantFrom(undefined, ['ReportBatchItemFailures' as const]),
  }),
  faults: fc.record({
    seed: fc.integer(),
    duplicateBatch: fc.double({ min: 0, max: 0.5, noNaN: true }),
    loseResponse: fc.double({ min: 0, max: 0.5, noNaN: true }),
    regroupRetries: fc.double({ min: 0, max: 1, noNaN: true }),
    interleaveShards: fc.boolean(),
    concurrentBatches: fc.integer({ min: 1, max: 3 }),
  }),
  handlerSeed: fc.integer(),
});

describe('any delivery schedule', () => {
  it('every record reaches the handler, is acknowledged once, and each item first arrives in order', async () => {
    await fc.assert(
      fc.asyncProperty(scheduleArbitrary, async (s) => {
        const table = newTable(s.partitions);
        const written: string[] = [];
        s.writes.forEach((pick, i) => {
          if (i === s.splitAfter)
            for (const shard of table.stream.openShardIds()) table.stream.split(shard);
          const pk = itemKey(pick % s.items);
          written.push(table.put({ pk, n: i }).record?.dynamodb.SequenceNumber ?? '');
        });
        const random = seededRandom(s.handlerSeed);
        const firstSeen = new Map<string, string[]>();
        const seen = new Set<string>();
        const report = await deliverStream({
          source: table,
          options: s.options as EventSourceMappingOptions,
          faults: s.faults as DeliveryFaults,
          handler: async (event) => {
            for (const record of event.Records) {
              const seq = seqOf(record);
              if (seen.has(seq)) continue;
              seen.add(seq);
              const pk = record.dynamodb?.Keys?.pk?.S ?? '';
              firstSeen.set(pk, [...(firstSeen.get(pk) ?? []), seq]);
            }
            const failAt = random.int(0, event.Records.length * 3);
            if (failAt >= event.Records.length) return;
            if (random.chance(0.5)) throw new Error('flaky');
            return {
              batchItemFailures: [
                { itemIdentifier: seqOf(event.Records[failAt] as DynamoDBRecord) },
              ],
            };
          },
        });
        expect(seen).toEqual(new Set(written));
        expect(report.recordsSucceeded).toBe(written.length);
        expect(report.recordsDiscarded).toBe(0);
        for (const sequence of firstSeen.values()) {
          expect(sequence).toEqual([...sequence].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)));
        }
      }),
      { numRuns: 200 },
    );
  });
});
