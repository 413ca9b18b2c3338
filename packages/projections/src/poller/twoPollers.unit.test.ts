import { ManualClock } from '@sluice/core';
import { InMemoryStreamsClient, InMemoryTable } from '@sluice/offline';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import { taskProjections } from '../testSupport/taskHistory.js';
import { projectionProcessor } from './projectionPoller.js';
import { PollerHarness, type Seen } from './testSupport/pollerHarness.js';

const START = Date.UTC(2024, 0, 1);

/**
 * A task table of 3 partitions on a virtual clock, the pollers' harness over its stream, and a
 * projection store the pollers share (as they would share DynamoDB tables).
 */
const setup = () => {
  const clock = new ManualClock(START);
  const table = new InMemoryTable({
    tableName: 'tasks',
    partitionKey: { name: 'id', type: 'S' },
    streamViewType: 'NEW_AND_OLD_IMAGES',
    stream: { partitionCount: 3 },
    clock,
  });
  const streams = new InMemoryStreamsClient([table.stream]);
  const harness = new PollerHarness(streams, table.stream.streamArn, clock);
  const store = new InMemoryProjectionStore();
  const project = projectionProcessor({
    projections: taskProjections(),
    store,
    deadLetters: new InMemoryDeadLetters(),
  });
  /** Starts a poller that runs the task projections (and logs what it processed). */
  const start = (worker: string) =>
    harness.start(worker, {
      processor: harness.processor(
        worker,
        async (records, shardId) =>
          (await project(records, { streamArn: table.stream.streamArn, shardId })).processed,
      ),
    });
  return { clock, table, harness, store, start };
};

/** The projection tables of one clean pass over every record, in order. */
const cleanPass = async (table: InMemoryTable) => {
  const store = new InMemoryProjectionStore();
  const project = projectionProcessor({
    projections: taskProjections(),
    store,
    deadLetters: new InMemoryDeadLetters(),
  });
  const outcome = await project(table.stream.records(), {
    streamArn: table.stream.streamArn,
    shardId: 'all',
  });
  expect(outcome.failure).toBeUndefined();
  return userTables(store);
};

const userTables = (store: InMemoryProjectionStore) => {
  const { history = [], totals = [], archive = [] } = store.tables();
  const sorted = (rows: readonly object[]) => rows.map((r) => JSON.stringify(r)).sort();
  return { history: sorted(history), totals: sorted(totals), archive: sorted(archive) };
};

const parents = (table: InMemoryTable) =>
  new Map(
    (table.stream.describeStream().StreamDescription.Shards ?? []).map((s) => [
      s.ShardId!,
      s.ParentShardId,
    ]),
  );

/** Every record of every shard was processed, and no child record before its parent's last one. */
const expectCompleteAndOrdered = (seen: readonly Seen[], table: InMemoryTable) => {
  const records = table.stream.records();
  const processed = new Set(seen.map((s) => s.sequenceNumber));
  expect(records.filter((r) => !processed.has(r.dynamodb.SequenceNumber))).toEqual([]);
  for (const [child, parent] of parents(table)) {
    if (parent === undefined) continue;
    const lastOfParent = Math.max(
      -1,
      ...seen.filter((s) => s.shardId === parent).map((s) => s.order),
    );
    const firstOfChild = Math.min(
      Infinity,
      ...seen.filter((s) => s.shardId === child).map((s) => s.order),
    );
    expect(firstOfChild).toBeGreaterThan(lastOfParent);
  }
};

/** Changes to 40 tasks: puts that add, move or retitle them, and every seventh a delete. */
const write = (table: InMemoryTable, from: number, count: number) => {
  for (let i = from; i < from + count; i++) {
    const id = `t${(i * 7) % 40}`;
    if (i % 7 === 6) table.delete({ id });
    else table.put({ id, list: `l${i % 3}`, points: i % 5, title: `v${i}` });
  }
};

describe('two pollers on one stream', () => {
  it('share the shards, read parents before children, take over from a dead one within the lease timeout, and project exactly', async () => {
    const { clock, table, harness, store, start } = setup();
    write(table, 0, 60);
    const [shardToSplit] = table.stream.openShardIds();
    table.stream.split(shardToSplit!);
    write(table, 60, 60);
    table.stream.rollover();
    write(table, 120, 30);

    const p1 = start('p1');
    const p2 = start('p2');
    const allProcessed = () => {
      const done = new Set(harness.seen.map((s) => s.sequenceNumber));
      return table.stream.records().every((r) => done.has(r.dynamodb.SequenceNumber));
    };
    // Balanced: the open shards end up split between the two pollers, and both read new writes.
    const load = (p: string) => harness.leases.all().filter((l) => l.owner === p).length;
    const balanced = () =>
      Math.abs(load('p1') - load('p2')) <= 1 &&
      load('p1') + load('p2') === table.stream.openShardIds().length;
    await clock.runUntil(() => allProcessed() && balanced(), 60_000);
    write(table, 150, 60);
    await clock.runUntil(allProcessed, 60_000);
    const lateWorkers = new Set(harness.seen.filter((s) => s.order >= 150).map((s) => s.worker));
    expect(lateWorkers).toEqual(new Set(['p1', 'p2']));

    // p1 dies without releasing anything; p2 must take its leases once they expire.
    const p1Shards = harness.leases
      .all()
      .filter((l) => l.owner === 'p1')
      .map((l) => l.shardId);
    expect(p1Shards.length).toBeGreaterThan(0);
    p1.kill();
    const killedAt = clock.now();
    write(table, 210, 60);
    await clock.runUntil(
      () =>
        p1Shards.every((id) => harness.leases.all().find((l) => l.shardId === id)?.owner !== 'p1'),
      60_000,
    );
    const takeover = clock.now() - killedAt;
    // Not before the lease could have expired (p1 renewed at most one interval before dying) …
    expect(takeover).toBeGreaterThanOrEqual(3_000 - 1_000);
    // … and within the lease timeout plus one scan.
    expect(takeover).toBeLessThanOrEqual(3_000 + 1_500);
    await clock.runUntil(allProcessed, 60_000);
    expectCompleteAndOrdered(harness.seen, table);
    expect(userTables(store)).toEqual(await cleanPass(table));
    await p2.poller.stop();
  });
});

type Step = { kind: 'write'; count: number } | { kind: 'rollover' } | { kind: 'split' };
const steps = fc.array(
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('write' as const),
        count: fc.integer({ min: 1, max: 30 }),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'rollover' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'split' as const }) },
  ),
  { maxLength: 6 },
);

describe('several pollers on one stream', () => {
  it('whatever the splits, roll-overs and the moment one poller dies, every record is processed, no child before its parent, and the projections equal one clean pass', async () => {
    await fc.assert(
      fc.asyncProperty(
        steps,
        steps,
        fc.integer({ min: 2, max: 3 }),
        fc.nat(),
        fc.integer({ min: 0, max: 3_000 }),
        async (before, after, pollers, victim, killAfterMs) => {
          const { clock, table, harness, store, start } = setup();
          let written = 0;
          const apply = (list: readonly Step[]) => {
            for (const s of list) {
              if (s.kind === 'write') {
                write(table, written, s.count);
                written += s.count;
              } else if (s.kind === 'rollover') table.stream.rollover();
              else table.stream.split(table.stream.openShardIds()[0]!);
            }
          };
          const allProcessed = () => {
            const done = new Set(harness.seen.map((s) => s.sequenceNumber));
            return table.stream.records().every((r) => done.has(r.dynamodb.SequenceNumber));
          };
          apply(before);
          const running = Array.from({ length: pollers }, (_, i) => start(`p${i}`));
          await clock.runUntil(allProcessed, 120_000);
          // The victim dies at any moment, possibly with a batch in hand and not checkpointed.
          apply(after);
          await clock.runFor(killAfterMs);
          running[victim % pollers]!.kill();
          write(table, written, 10);
          await clock.runUntil(allProcessed, 120_000);
          expectCompleteAndOrdered(harness.seen, table);
          expect(userTables(store)).toEqual(await cleanPass(table));
          for (const [i, p] of running.entries()) if (i !== victim % pollers) await p.poller.stop();
        },
      ),
      { numRuns: 40 },
    );
  });
});
