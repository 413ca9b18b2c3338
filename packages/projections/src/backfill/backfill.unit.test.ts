import { InMemoryStreamsClient } from '@sluice/offline';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import type { Row } from '../plan/row.js';
import { InMemoryLeaseTable } from '../poller/lease/inMemoryLeaseTable.js';
import { backfill } from './backfill.js';
import type { BackfillEvent } from './backfillEvents.js';
import { inMemoryScanSource } from './inMemoryScanSource.js';
import { type PollerLiveStream, pollerLiveStream } from './pollerLiveStream.js';
import type { ScanSource } from './scanSource.js';
import { applyWrite, taskProjections, taskTable } from './testSupport/backfillTasks.js';
import { cleanPass } from './testSupport/shardConsumer.js';

const running: PollerLiveStream[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((live) => live.stop()));
});

const populated = () => {
  const table = taskTable(3, true);
  for (let i = 0; i < 30; i++)
    applyWrite(table, { task: i, kind: 'put', list: i % 3, points: i % 5 });
  for (let i = 0; i < 30; i += 4)
    applyWrite(table, { task: i, kind: 'delete', list: 0, points: 0 });
  return table;
};

// Racing writes: each page read is followed by changes to items the scan has or has not reached.
const racing = (table: ReturnType<typeof taskTable>): ScanSource => {
  const inner = inMemoryScanSource(table);
  let page = 0;
  return {
    describe: inner.describe,
    readPage: async (request) => {
      const read = await inner.readPage(request);
      page += 1;
      applyWrite(table, { task: (page * 7) % 34, kind: 'move', list: page % 3, points: 0 });
      applyWrite(table, {
        task: (page * 5) % 34,
        kind: 'put',
        list: (page + 1) % 3,
        points: page % 4,
      });
      if (page % 3 === 0)
        applyWrite(table, { task: (page * 3) % 34, kind: 'delete', list: 0, points: 0 });
      return read;
    },
  };
};

const live = (
  table: ReturnType<typeof taskTable>,
  store: InMemoryProjectionStore,
  startingPosition: 'TRIM_HORIZON' | 'LATEST',
) => {
  const stream = pollerLiveStream({
    streams: new InMemoryStreamsClient([table.stream]),
    streamArn: table.stream.streamArn,
    leaseTable: new InMemoryLeaseTable(),
    projections: taskProjections().all,
    store,
    deadLetters: new InMemoryDeadLetters(),
    startingPosition,
    idleDelayMs: 5,
    checkEveryMs: 5,
    catchUpTimeoutMs: 10_000,
  });
  running.push(stream);
  return stream;
};

const withoutZeros = (rows: readonly Row[] | undefined) =>
  (rows ?? []).filter((row) => row.count !== 0 || row.points !== 0);

describe('backfill with a stream poller as the live stream', () => {
  it('starts the poller, scans while writes race it, waits until the poller caught up: aggregates and archive equal a clean pass over the whole stream', async () => {
    const table = populated();
    const store = new InMemoryProjectionStore();
    const events: BackfillEvent['_tag'][] = [];
    const result = await backfill({
      source: racing(table),
      projections: taskProjections().targets,
      store,
      deadLetters: new InMemoryDeadLetters(),
      segments: 3,
      pageSize: 4,
      live: live(table, store, 'TRIM_HORIZON'),
      onEvent: (event) => events.push(event._tag),
    });
    if (E.isLeft(result)) throw new Error(result.left.message);
    expect(result.right).toMatchObject({ complete: true, caughtUp: true });
    expect(events[0]).toBe('ScanStarted');
    expect(events.slice(-3)).toEqual(['ScanFinished', 'CatchingUp', 'CaughtUp']);

    const clean = new InMemoryProjectionStore();
    await cleanPass(table, table.stream.records(), taskProjections().all, clean);
    const built = store.tables();
    const expected = clean.tables();
    expect(built.totals).toEqual(expected.totals);
    expect(built.markers).toEqual(expected.markers);
    expect(built.archive).toEqual(expected.archive);
    expect(built.history?.filter((row) => row.eventName !== 'SNAPSHOT')).toEqual(expected.history);
  });

  it('with the poller starting at LATEST (the history before the backfill not in the stream), snapshots stand in for it: the counts still equal the clean pass', async () => {
    const table = populated();
    const store = new InMemoryProjectionStore();
    const result = await backfill({
      source: racing(table),
      projections: taskProjections().targets,
      store,
      deadLetters: new InMemoryDeadLetters(),
      segments: 2,
      pageSize: 3,
      live: live(table, store, 'LATEST'),
    });
    if (E.isLeft(result)) throw new Error(result.left.message);
    expect(result.right.caughtUp).toBe(true);
    const clean = new InMemoryProjectionStore();
    await cleanPass(table, table.stream.records(), taskProjections().all, clean);
    expect(withoutZeros(store.tables().totals)).toEqual(withoutZeros(clean.tables().totals));
  });

  it('reports a live stream that cannot start (no such stream) instead of scanning', async () => {
    const table = populated();
    const store = new InMemoryProjectionStore();
    const broken = pollerLiveStream({
      streams: new InMemoryStreamsClient([]),
      streamArn: table.stream.streamArn,
      leaseTable: new InMemoryLeaseTable(),
      projections: taskProjections().all,
      store,
      deadLetters: new InMemoryDeadLetters(),
      startingPosition: 'LATEST',
      idleDelayMs: 5,
      spuriousErrorRetries: 0,
      retryDelayMs: { base: 1, max: 2 },
      checkEveryMs: 5,
    });
    running.push(broken);
    let pages = 0;
    const result = await backfill({
      source: {
        ...inMemoryScanSource(table),
        readPage: async () => {
          pages++;
          throw new Error('unreachable');
        },
      },
      projections: taskProjections().targets,
      store,
      deadLetters: new InMemoryDeadLetters(),
      live: broken,
    });
    expect(result).toMatchObject({ _tag: 'Left', left: { _tag: 'LiveStreamFailed' } });
    expect(pages).toBe(0);
  });
});
