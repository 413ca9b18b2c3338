import { InMemoryStreamsClient } from '@sluice/offline';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import type { Row } from '../plan/row.js';
import { InMemoryLeaseTable } from '../poller/lease/inMemoryLeaseTable.js';
import type { LeaseTable } from '../poller/lease/leaseTable.js';
import { mortal } from '../poller/testSupport/pollerHarness.js';
import { backfill } from './backfill.js';
import { inMemoryScanSource } from './inMemoryScanSource.js';
import { InMemorySegmentCheckpoints } from './inMemorySegmentCheckpoints.js';
import { type PollerLiveStream, pollerLiveStream } from './pollerLiveStream.js';
import type { ScanSource } from './scanSource.js';
import type { SegmentCheckpointStore } from './segmentCheckpoints.js';
import {
  applyWrite,
  type TaskWrite,
  taskProjections,
  taskTable,
  taskWrites,
} from './testSupport/backfillTasks.js';
import { cleanPass } from './testSupport/shardConsumer.js';

const running: PollerLiveStream[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((live) => live.stop()));
});

type Table = ReturnType<typeof taskTable>;

const populated = (): Table => {
  const table = taskTable(2, true);
  for (let i = 0; i < 24; i++)
    applyWrite(table, { task: i % 10, kind: 'put', list: i % 3, points: i % 5 });
  for (let i = 0; i < 10; i += 4)
    applyWrite(table, { task: i, kind: 'delete', list: 0, points: 0 });
  return table;
};

/** What one run of `sluice-backfill --follow --starting-position LATEST` shares with the next. */
interface World {
  readonly table: Table;
  readonly store: InMemoryProjectionStore;
  readonly checkpoints: SegmentCheckpointStore;
  leases: LeaseTable;
}

const live = (world: World, streams: InMemoryStreamsClient, leases: LeaseTable, worker: string) => {
  const stream = pollerLiveStream({
    streams,
    streamArn: world.table.stream.streamArn,
    leaseTable: leases,
    workerId: worker,
    projections: taskProjections().all,
    store: world.store,
    deadLetters: new InMemoryDeadLetters(),
    startingPosition: 'LATEST',
    idleDelayMs: 2,
    leaseDurationMs: 60,
    checkEveryMs: 2,
    catchUpTimeoutMs: 10_000,
  });
  running.push(stream);
  return stream;
};

/** One run; `onPage(n)` runs before the scan's n-th page is read. */
const run = (
  world: World,
  worker: string,
  options: { onPage?: (page: number) => void; dead?: () => boolean; signal?: AbortSignal } = {},
) => {
  const dead = options.dead ?? (() => false);
  const inner = inMemoryScanSource(world.table);
  let pages = 0;
  const source: ScanSource = {
    describe: inner.describe,
    readPage: (request) => {
      options.onPage?.(pages++);
      return inner.readPage(request);
    },
  };
  const streams = new InMemoryStreamsClient([world.table.stream]);
  const stream = live(world, mortal(streams, dead), mortal(world.leases, dead), worker);
  const done = backfill({
    source: mortal(source, dead),
    projections: taskProjections().targets,
    store: mortal(world.store, dead),
    checkpoints: mortal(world.checkpoints, dead),
    deadLetters: new InMemoryDeadLetters(),
    segments: 2,
    pageSize: 3,
    live: stream,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  return { stream, done };
};

const withoutZeros = (rows: readonly Row[] | undefined) =>
  (rows ?? []).filter((row) => row.count !== 0 || row.points !== 0);
const contributions = (markers: readonly Row[] | undefined) =>
  Object.fromEntries(
    (markers ?? []).filter((m) => m.contribution !== null).map((m) => [m.markerId, m.contribution]),
  );

interface Scenario {
  readonly stopAt: number;
  readonly stop: 'SIGTERM' | 'SIGKILL';
  readonly during: ReadonlyArray<{ readonly page: number; readonly writes: TaskWrite[] }>;
  readonly gap: TaskWrite[];
}

const scenarios: fc.Arbitrary<Scenario> = fc.record({
  stopAt: fc.nat(9),
  stop: fc.constantFrom<Scenario['stop']>('SIGTERM', 'SIGKILL'),
  during: fc.array(fc.record({ page: fc.nat(9), writes: taskWrites(3, 12) }), { maxLength: 3 }),
  gap: taskWrites(8, 12),
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a LATEST backfill stopped and resumed', () => {
  it('stopped (SIGTERM) or killed (SIGKILL) at any page, changes made meanwhile and while stopped, resumed: caught up, and counts equal a clean pass over the whole history, history rows every change since its start', async () => {
    await fc.assert(
      fc.asyncProperty(scenarios, async (scenario) => {
        const world: World = {
          table: populated(),
          store: new InMemoryProjectionStore(),
          checkpoints: new InMemorySegmentCheckpoints(),
          leases: new InMemoryLeaseTable(),
        };
        const before = world.table.stream.records().length;
        let dead = false;
        let killed = () => {};
        const death = new Promise<'killed'>((resolve) => {
          killed = () => resolve('killed');
        });
        const controller = new AbortController();
        const first = run(world, 'first', {
          dead: () => dead,
          signal: controller.signal,
          onPage: (page) => {
            for (const during of scenario.during)
              if (during.page === page) for (const w of during.writes) applyWrite(world.table, w);
            if (page !== scenario.stopAt) return;
            if (scenario.stop === 'SIGTERM') return controller.abort();
            dead = true;
            killed();
          },
        });
        const ended = await Promise.race([first.done, death]);
        if (ended !== 'killed') {
          if (E.isLeft(ended)) throw new Error(ended.left.message);
          await first.stream.stop();
        } else {
          // A dead process: nothing of it runs on, nothing is released (and nothing to stop).
          running.splice(running.indexOf(first.stream), 1);
          await sleep(5);
        }
        for (const write of scenario.gap) applyWrite(world.table, write);

        const second = run(world, 'second');
        const result = await second.done;
        if (E.isLeft(result)) throw new Error(result.left.message);
        expect(result.right).toMatchObject({ complete: true, caughtUp: true, gap: false });
        await second.stream.stop();

        const all = world.table.stream.records();
        const full = new InMemoryProjectionStore();
        await cleanPass(world.table, all, taskProjections().all, full);
        const since = new InMemoryProjectionStore();
        await cleanPass(world.table, all.slice(before), taskProjections().all, since);
        const tables = world.store.tables();
        expect(withoutZeros(tables.totals)).toEqual(withoutZeros(full.tables().totals));
        expect(contributions(tables.markers)).toEqual(contributions(full.tables().markers));
        expect(tables.archive ?? []).toEqual(since.tables().archive ?? []);
        expect((tables.history ?? []).filter((row) => row.eventName !== 'SNAPSHOT')).toEqual(
          since.tables().history ?? [],
        );
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it.each(['stopped', 'complete'] as const)(
    'run again after a %s run with a consumer that starts anew (another lease table), it reports the gap and never claims to be caught up, in that run or any later one',
    async (firstRun) => {
      const table = populated();
      const world: World = {
        table,
        store: new InMemoryProjectionStore(),
        checkpoints: new InMemorySegmentCheckpoints(),
        leases: new InMemoryLeaseTable(),
      };
      const controller = new AbortController();
      const first = run(world, 'first', {
        signal: controller.signal,
        onPage: (page) => firstRun === 'stopped' && page === 2 && controller.abort(),
      });
      const ended = await first.done;
      await first.stream.stop();
      const complete = firstRun === 'complete';
      expect(ended).toMatchObject({ right: { complete, caughtUp: complete, gap: false } });
      applyWrite(table, { task: 1, kind: 'delete', list: 0, points: 0 });

      world.leases = new InMemoryLeaseTable();
      const second = run(world, 'second');
      const resumed = await second.done;
      await second.stream.stop();
      expect(resumed).toMatchObject({ right: { complete: true, caughtUp: false, gap: true } });

      const third = run(world, 'third');
      const again = await third.done;
      await third.stream.stop();
      expect(again).toMatchObject({ right: { complete: true, caughtUp: false, gap: true } });
    },
  );
});
