import { ManualClock } from '@sluice/core';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InMemoryTable } from '../table/inMemoryTable.js';
import { deliverStream } from './deliveryDriver.js';

const tableWith = (count: number) => {
  const table = new InMemoryTable({
    tableName: 'orders',
    partitionKey: { name: 'pk', type: 'S' },
    streamViewType: 'NEW_IMAGE',
    clock: new ManualClock(),
    stream: { partitionCount: 2 },
  });
  for (let i = 0; i < count; i++) table.put({ pk: `item-${i}`, n: i });
  return table;
};

const ignore = async (_event: DynamoDBStreamEvent) => {};

describe('a fault asked for with true', () => {
  it('happens at least once in every drain, for every seed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 12 }), async (seed, count) => {
        const report = await deliverStream({
          source: tableWith(count),
          handler: ignore,
          options: { BatchSize: 2 },
          faults: { seed, duplicateBatch: true, loseResponse: true, regroupRetries: true },
        });
        expect(report.faults.duplicatedBatches).toBeGreaterThanOrEqual(1);
        expect(report.faults.lostResponses).toBeGreaterThanOrEqual(1);
        // A lost response makes a retry, so regrouping had its opportunity too.
        expect(report.faults.regroupedRetries).toBeGreaterThanOrEqual(1);
        expect(report.faults.notInjected).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('replays the same schedule for the same seed', async () => {
    const run = (seed: number) =>
      deliverStream({
        source: tableWith(9),
        handler: ignore,
        options: { BatchSize: 2 },
        faults: { seed, duplicateBatch: true, loseResponse: true },
      });
    const shape = (report: Awaited<ReturnType<typeof run>>) =>
      report.batches.map((b) => [b.sequenceNumbers.length, b.fault ?? '-', b.outcome._tag]);
    expect(shape(await run(7))).toEqual(shape(await run(7)));
  });

  it('is reported as not injected when the run gives it no opportunity', async () => {
    const report = await deliverStream({
      source: tableWith(3),
      handler: ignore,
      faults: { regroupRetries: true },
    });
    expect(report.retries).toBe(0);
    expect(report.faults.notInjected).toEqual(['regroupRetries']);
  });

  it('stays a probability when given as a number (0 never fires)', async () => {
    const report = await deliverStream({
      source: tableWith(6),
      handler: ignore,
      options: { BatchSize: 1 },
      faults: { duplicateBatch: 0, loseResponse: 0 },
    });
    expect(report.faults).toEqual({
      duplicatedBatches: 0,
      lostResponses: 0,
      regroupedRetries: 0,
      notInjected: [],
    });
  });
});
