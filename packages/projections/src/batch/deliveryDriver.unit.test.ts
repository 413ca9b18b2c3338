import { ManualClock } from '@sluice/core';
import { type DeliveryFaults, deliverStream, InMemoryTable } from '@sluice/offline';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { SimulatedCrash } from '../memory/injectedFault.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import { type TaskOp, taskOps, taskProjections } from '../testSupport/taskHistory.js';
import { processBatch } from './processBatch.js';

// Writes the operations to a table whose stream has several partitions and rolls shards over.
const tableWith = (ops: readonly TaskOp[], partitions: number, gapsMs: readonly number[]) => {
  const clock = new ManualClock();
  const table = new InMemoryTable({
    tableName: 'tasks',
    partitionKey: { name: 'id', type: 'S' },
    streamViewType: 'NEW_AND_OLD_IMAGES',
    stream: { partitionCount: partitions, rolloverIntervalMs: 5_000 },
    clock,
  });
  ops.forEach((op, i) => {
    clock.advance(gapsMs[i % gapsMs.length] ?? 0);
    const id = `t${op.task}`;
    const before = table.get({ id });
    if (op.kind === 'delete' || op.kind === 'expire') table.delete({ id });
    else if (op.kind === 'put')
      table.put({ id, list: `l${op.list}`, points: op.points, title: 'new' });
    else if (before && op.kind === 'move') table.put({ ...before, list: `l${op.list}` });
    else if (before) table.put({ ...before, title: `title ${i}` });
  });
  return table;
};

interface StoreFaults {
  /** Per invocation: the chance that the store fails or the process crashes part-way. */
  readonly chance: number;
  readonly kinds: readonly ('crash' | 'fail')[];
  readonly seed: number;
}

// The Lambda handler in a few lines: processBatch, then the first failure as the batch item failure.
const handlerFor = (store: InMemoryProjectionStore, storeFaults?: StoreFaults) => {
  const settings = {
    projections: taskProjections(),
    store,
    deadLetters: new InMemoryDeadLetters(),
  };
  let random = storeFaults?.seed ?? 0;
  const next = () => {
    random = (Math.imul(random, 1_103_515_245) + 12_345) >>> 0;
    return random / 2 ** 32;
  };
  const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    if (storeFaults && next() < storeFaults.chance) {
      const kind = storeFaults.kinds[Math.floor(next() * storeFaults.kinds.length)] ?? 'fail';
      store.failAfter(Math.floor(next() * 6), kind);
    }
    try {
      const result = await processBatch(settings, event.Records);
      return result._tag === 'BatchCompleted'
        ? { batchItemFailures: [] }
        : { batchItemFailures: [{ itemIdentifier: result.failedAt ?? '' }] };
    } finally {
      store.clearFault();
    }
  };
  return { handler, settings };
};

const cleanTables = async (table: InMemoryTable) => {
  const store = new InMemoryProjectionStore();
  await deliverStream({
    source: table,
    handler: handlerFor(store).handler,
    options: { BatchSize: 10_000 },
  });
  return store.tables();
};

const userTables = (store: InMemoryProjectionStore) => {
  const { markers: _, ...tables } = store.tables();
  return tables;
};

const faults: fc.Arbitrary<DeliveryFaults> = fc.record({
  seed: fc.nat(),
  duplicateBatch: fc.double({ min: 0, max: 0.5, noNaN: true }),
  loseResponse: fc.double({ min: 0, max: 0.5, noNaN: true }),
  regroupRetries: fc.double({ min: 0, max: 0.5, noNaN: true }),
  interleaveShards: fc.boolean(),
  concurrentBatches: fc.integer({ min: 1, max: 3 }),
});

describe('through @sluice/offline’s Lambda-like delivery driver', () => {
  it('an in-memory table’s stream (several shards, rollovers) delivered with duplicates, lost responses, regrouped retries, interleaving, bisection and store crashes leaves all three tables equal to one clean pass', async () => {
    await fc.assert(
      fc.asyncProperty(
        taskOps({ tasks: 12, lists: 3, minLength: 20, maxLength: 80 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.integer({ min: 0, max: 3_000 }), { minLength: 1, maxLength: 5 }),
        faults,
        fc.record({
          BatchSize: fc.integer({ min: 1, max: 12 }),
          BisectBatchOnFunctionError: fc.boolean(),
          ParallelizationFactor: fc.integer({ min: 1, max: 3 }),
        }),
        fc.record({
          chance: fc.double({ min: 0, max: 0.4, noNaN: true }),
          kinds: fc.subarray(['crash', 'fail'] as const, { minLength: 1 }),
          seed: fc.nat(),
        }),
        async (ops, partitions, gaps, delivery, mapping, storeFaults) => {
          const table = tableWith(ops, partitions, gaps);
          const expected = await cleanTables(table);
          const store = new InMemoryProjectionStore();
          const { handler } = handlerFor(store, storeFaults);
          const report = await deliverStream({
            source: table,
            handler,
            options: { ...mapping, FunctionResponseTypes: ['ReportBatchItemFailures'] },
            faults: delivery,
          });
          const { markers: _, ...clean } = expected;
          expect(userTables(store)).toEqual(clean);
          expect(report.recordsSucceeded).toBeGreaterThanOrEqual(clean.history?.length ?? 0);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the crash the store simulates is what a Lambda timeout looks like to the driver: a function error', async () => {
    const table = tableWith([{ task: 0, kind: 'put', list: 0, points: 1 }], 1, [0]);
    const store = new InMemoryProjectionStore();
    const { handler } = handlerFor(store, { chance: 1, kinds: ['crash'], seed: 3 });
    let crashes = 0;
    const report = await deliverStream({
      source: table,
      handler: async (event) => {
        try {
          return await handler(event);
        } catch (error) {
          if (error instanceof SimulatedCrash) crashes++;
          throw error;
        }
      },
      options: { MaximumRetryAttempts: 2, FunctionResponseTypes: ['ReportBatchItemFailures'] },
    });
    expect(crashes).toBeGreaterThan(0);
    expect(report.invocations).toBeGreaterThan(1);
  });
});
