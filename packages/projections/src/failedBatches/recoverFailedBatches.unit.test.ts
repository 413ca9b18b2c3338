import { ManualClock } from '@sluice/core';
import {
  createEventSourceMapping,
  InMemoryStreamsClient,
  InMemoryTable,
  toLambdaEvent,
} from '@sluice/offline';
import type { Context } from 'aws-lambda';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { lambdaHandler } from '../lambda/lambdaHandler.js';
import type { FaultKind } from '../memory/injectedFault.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import { taskProjections } from '../testSupport/taskHistory.js';
import { parseFailureRecords } from './batchInfo.js';
import { recoverFailedBatches } from './recoverFailedBatches.js';

const context = {} as Context;
const settings = () => ({
  projections: taskProjections(),
  store: new InMemoryProjectionStore(),
  deadLetters: new InMemoryDeadLetters(),
});
type Write = { task: number; list: number; points: number; remove: boolean };
const writes = fc.array(
  fc.record({ task: fc.nat(6), list: fc.nat(2), points: fc.nat(4), remove: fc.boolean() }),
  { minLength: 1, maxLength: 40 },
);

const written = (steps: readonly Write[], partitions: number, clock = new ManualClock()) => {
  const table = new InMemoryTable({
    tableName: 'tasks',
    partitionKey: { name: 'id', type: 'S' },
    streamViewType: 'NEW_AND_OLD_IMAGES',
    stream: { partitionCount: partitions },
    clock,
  });
  for (const s of steps)
    if (s.remove) table.delete({ id: `t${s.task}` });
    else table.put({ id: `t${s.task}`, list: `l${s.list}`, points: s.points, title: 'x' });
  return table;
};

// Delivers the table's stream to a handler whose store fails as told; Lambda gives up on batches.
const deliverWithGiveUps = async (
  table: InMemoryTable,
  faults: readonly ({ kind: FaultKind; after: number } | undefined)[],
  batchSize: number,
) => {
  const faulty = settings();
  const handler = lambdaHandler(faulty);
  let invocation = 0;
  const mapping = await createEventSourceMapping({
    source: table,
    handler: async (event, ctx) => {
      const fault = faults[invocation++ % faults.length];
      if (fault) faulty.store.failAfter(fault.after, fault.kind);
      try {
        return await handler(event, ctx);
      } finally {
        faulty.store.clearFault();
      }
    },
    options: {
      ...handler.recommendedEventSourceMapping,
      BatchSize: batchSize,
      MaximumRetryAttempts: 0,
    },
  });
  const report = await mapping.drain();
  return { faulty, report };
};

const userTables = (store: InMemoryProjectionStore) => {
  const { history = [], totals = [], archive = [] } = store.tables();
  return { history, totals, archive };
};

describe('recoverFailedBatches', () => {
  it('re-reading the ranges of the batches Lambda gave up on (on-failure records as JSON) leaves the tables of a clean pass', async () => {
    let discarded = 0;
    await fc.assert(
      fc.asyncProperty(
        writes,
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(
          fc.option(
            fc.record({ kind: fc.constantFrom<FaultKind>('fail', 'crash'), after: fc.nat(4) }),
            { nil: undefined },
          ),
          { minLength: 1, maxLength: 6 },
        ),
        async (steps, partitions, batchSize, faults) => {
          const table = written(steps, partitions);
          const clean = settings();
          await lambdaHandler(clean)(
            toLambdaEvent(table.stream.records(), table.stream.streamArn),
            context,
          );
          const { faulty, report } = await deliverWithGiveUps(table, faults, batchSize);
          discarded += report.recordsDiscarded;
          const batches = parseFailureRecords(
            report.onFailure.map((r) => JSON.stringify(r)).join('\n'),
          );
          if (E.isLeft(batches)) throw new Error(batches.left.message);
          expect(batches.right).toHaveLength(report.onFailure.length);
          const summary = await recoverFailedBatches({
            ...faulty,
            streams: new InMemoryStreamsClient([table.stream]),
            batches: batches.right,
            now: () => new Date(table.clock.now()),
          });
          expect(summary.outcomes.filter((o) => o._tag !== 'BatchRecovered')).toEqual([]);
          expect(summary).toMatchObject({
            recovered: batches.right.length,
            failed: 0,
            needsRebuild: [],
          });
          expect(userTables(faulty.store)).toEqual(userTables(clean.store));
        },
      ),
      { numRuns: 120 },
    );
    expect(discarded).toBeGreaterThan(0);
  });

  it('past the 24-hour retention, names every projection that needs a rebuild and why (by arrival time, or when the stream has trimmed the range)', async () => {
    const clock = new ManualClock();
    const table = written([{ task: 1, list: 0, points: 1, remove: false }], 1, clock);
    const always = [{ kind: 'fail' as const, after: 0 }];
    const { faulty, report } = await deliverWithGiveUps(table, always, 10);
    const batches = parseFailureRecords(JSON.stringify(report.onFailure));
    if (E.isLeft(batches)) throw new Error(batches.left.message);
    const createdAt = new Date(clock.now());
    clock.advance(25 * 60 * 60 * 1000);
    table.put({ id: 't2', list: 'l0', points: 1, title: 'x' }); // the stream trims as it appends
    const streams = new InMemoryStreamsClient([table.stream]);
    const names = ['taskHistory', 'listTotals', 'taskArchive'];
    const byArrival = await recoverFailedBatches({
      ...faulty,
      streams,
      batches: batches.right,
      now: () => new Date(clock.now()),
    });
    expect(byArrival.needsRebuild).toEqual(names);
    expect(byArrival.outcomes[0]).toMatchObject({
      _tag: 'NeedsRebuild',
      reason: expect.stringMatching(/24-hour retention/),
    });
    const byStream = await recoverFailedBatches({
      ...faulty,
      streams,
      batches: batches.right,
      now: () => createdAt,
    });
    expect(byStream.outcomes[0]).toMatchObject({
      _tag: 'NeedsRebuild',
      projections: names,
      reason: expect.stringMatching(/no longer in the stream.*trimmed/),
    });
    expect(faulty.store.tables().history ?? []).toEqual([]);
  });

  it('reports a batch it could not apply as failed, to be run again', async () => {
    const table = written([{ task: 1, list: 0, points: 1, remove: false }], 1);
    const { faulty, report } = await deliverWithGiveUps(table, [{ kind: 'fail', after: 0 }], 10);
    const batches = parseFailureRecords(
      JSON.stringify({ Messages: report.onFailure.map((r) => ({ Body: JSON.stringify(r) })) }),
    );
    if (E.isLeft(batches)) throw new Error(batches.left.message);
    faulty.store.failAfter(0, 'fail');
    const summary = await recoverFailedBatches({
      ...faulty,
      streams: new InMemoryStreamsClient([table.stream]),
      batches: batches.right,
      now: () => new Date(table.clock.now()),
    });
    expect(summary).toMatchObject({ recovered: 0, failed: 1 });
  });

  it('refuses input that is not an on-failure record, naming where', () => {
    expect(parseFailureRecords('{"DDBStreamBatchInfo":{"shardId":"s"}}')).toMatchObject(
      E.left({ _tag: 'InvalidFailureRecord', message: expect.stringMatching(/^input is not/) }),
    );
    expect(parseFailureRecords('{}\nnot json')).toMatchObject(
      E.left({ message: expect.stringMatching(/line 1|line 2/) }),
    );
    expect(parseFailureRecords('  ')).toEqual(E.right([]));
  });
});
