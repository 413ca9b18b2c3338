import { ManualClock } from '@sluice/core';
import { createEventSourceMapping, InMemoryTable, toLambdaEvent } from '@sluice/offline';
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import type { FaultKind } from '../memory/injectedFault.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import { taskProjections } from '../testSupport/taskHistory.js';
import { lambdaHandler } from './lambdaHandler.js';

/** One step of a history written to an in-memory table, including shard roll-overs and splits. */
type Step =
  | { kind: 'put'; task: number; list: number; points: number }
  | { kind: 'delete'; task: number }
  | { kind: 'rollover' }
  | { kind: 'split' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('put' as const),
      task: fc.nat(7),
      list: fc.nat(2),
      points: fc.nat(4),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), task: fc.nat(7) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'rollover' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'split' as const }) },
);

const written = (steps: readonly Step[], partitions: number) => {
  const table = new InMemoryTable({
    tableName: 'tasks',
    partitionKey: { name: 'id', type: 'S' },
    streamViewType: 'NEW_AND_OLD_IMAGES',
    stream: { partitionCount: partitions },
    clock: new ManualClock(),
  });
  for (const s of steps) {
    if (s.kind === 'put')
      table.put({ id: `t${s.task}`, list: `l${s.list}`, points: s.points, title: 'x' });
    else if (s.kind === 'delete') table.delete({ id: `t${s.task}` });
    else if (s.kind === 'rollover') table.stream.rollover();
    else table.stream.split(table.stream.openShardIds()[0]!);
  }
  return table;
};

const context = {} as Context;
const settings = () => ({
  projections: taskProjections(),
  store: new InMemoryProjectionStore(),
  deadLetters: new InMemoryDeadLetters(),
});
const userTables = (store: InMemoryProjectionStore) => {
  const { history = [], totals = [], archive = [] } = store.tables();
  const sorted = (rows: readonly object[]) => rows.map((r) => JSON.stringify(r)).sort();
  return { history: sorted(history), totals: sorted(totals), archive: sorted(archive) };
};

/** Store faults armed per invocation: never two in a row, so every batch eventually goes through. */
const storeFaults = fc.array(
  fc.option(fc.record({ kind: fc.constantFrom<FaultKind>('fail', 'crash'), after: fc.nat(6) }), {
    nil: undefined,
  }),
  { minLength: 1, maxLength: 12 },
);

describe('lambdaHandler under the delivery driver', () => {
  it('any delivery (duplicates, lost responses, regrouped retries, interleaved shards, parallel lanes, partial failures, crashes with bisect) leaves the tables of one clean pass', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { maxLength: 40 }),
        fc.integer({ min: 1, max: 3 }),
        fc.record({
          seed: fc.nat(),
          batchSize: fc.integer({ min: 1, max: 8 }),
          bisect: fc.boolean(),
          duplicateBatch: fc.double({ min: 0, max: 0.5, noNaN: true }),
          loseResponse: fc.double({ min: 0, max: 0.5, noNaN: true }),
          regroupRetries: fc.double({ min: 0, max: 0.5, noNaN: true }),
          interleaveShards: fc.boolean(),
          concurrentBatches: fc.integer({ min: 1, max: 3 }),
          parallelization: fc.integer({ min: 1, max: 3 }),
        }),
        storeFaults,
        async (steps, partitions, delivery, faults) => {
          const table = written(steps, partitions);

          const clean = settings();
          const all: DynamoDBStreamEvent = toLambdaEvent(
            table.stream.records(),
            table.stream.streamArn,
          );
          expect(await lambdaHandler(clean)(all, context)).toEqual({ batchItemFailures: [] });

          const faulty = settings();
          const handler = lambdaHandler(faulty);
          let invocation = 0;
          let faultedLast = false;
          const mapping = await createEventSourceMapping({
            source: table,
            handler: async (event, ctx) => {
              const fault = faultedLast ? undefined : faults[invocation++ % faults.length];
              faultedLast = fault !== undefined;
              if (fault) faulty.store.failAfter(fault.after, fault.kind);
              try {
                return await handler(event, ctx);
              } finally {
                faulty.store.clearFault();
              }
            },
            options: {
              ...handler.recommendedEventSourceMapping,
              BatchSize: delivery.batchSize,
              BisectBatchOnFunctionError: delivery.bisect,
              ParallelizationFactor: delivery.parallelization,
            },
            faults: {
              seed: delivery.seed,
              duplicateBatch: delivery.duplicateBatch,
              loseResponse: delivery.loseResponse,
              regroupRetries: delivery.regroupRetries,
              interleaveShards: delivery.interleaveShards,
              concurrentBatches: delivery.concurrentBatches,
            },
          });
          const report = await mapping.drain();
          expect(report.recordsDiscarded).toBe(0);
          expect(userTables(faulty.store)).toEqual(userTables(clean.store));
        },
      ),
      { numRuns: 150 },
    );
  });
});
