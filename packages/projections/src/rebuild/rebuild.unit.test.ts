import { InMemoryStreamsClient, type InMemoryTable } from '@sluice/offline';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import { inMemoryScanSource } from '../backfill/inMemoryScanSource.js';
import { type PollerLiveStream, pollerLiveStream } from '../backfill/pollerLiveStream.js';
import type { ScanSource } from '../backfill/scanSource.js';
import { applyWrite, taskTable } from '../backfill/testSupport/backfillTasks.js';
import { cleanPass } from '../backfill/testSupport/shardConsumer.js';
import { aggregate } from '../builtins/aggregate.js';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import type { Row } from '../plan/row.js';
import { InMemoryLeaseTable } from '../poller/lease/inMemoryLeaseTable.js';
import type { Projection } from '../projection/projection.js';
import { TaskCodec } from '../testSupport/taskHistory.js';
import { activeTable } from './activeTable.js';
import { InMemoryActiveVersions } from './inMemoryActiveVersions.js';
import { rebuild } from './rebuild.js';
import { versionedProjection } from './versionedProjection.js';

const running: PollerLiveStream[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((live) => live.stop()));
});

/** The table as a scan source, running `afterRead` after each page read (racing writes). */
const inMemoryScanSourceOf = (table: InMemoryTable, afterRead = () => {}): ScanSource => {
  const inner = inMemoryScanSource(table);
  return {
    describe: inner.describe,
    readPage: async (request) => {
      const page = await inner.readPage(request);
      afterRead();
      return page;
    },
  };
};

/** Points per list; version 1 has a bug (it doubles the points), version 2 fixes it. */
const listTotals = (version: 1 | 2) =>
  aggregate({
    name: 'listTotals',
    version,
    table: 'totals',
    markerTable: 'markers',
    item: TaskCodec,
    viewType: 'NEW_IMAGE',
    group: (task) => ({ list: task.list }),
    amounts: (task) => ({ count: 1, points: version === 1 ? task.points * 2 : task.points }),
  });

describe('rebuild: blue/green build of a new projection version', () => {
  it('readers keep the old version’s results while the new one is built and see the corrected ones after the switch', async () => {
    const table = taskTable(2, true);
    for (let i = 0; i < 24; i++)
      applyWrite(table, { task: i, kind: 'put', list: i % 3, points: 1 + (i % 4) });
    const store = new InMemoryProjectionStore();
    const versions = new InMemoryActiveVersions();
    const streams = new InMemoryStreamsClient([table.stream]);
    const common = {
      store,
      deadLetters: new InMemoryDeadLetters(),
      versions,
      segments: 2,
      pageSize: 3,
      live: (projection: Projection) => {
        const stream = pollerLiveStream({
          streams,
          streamArn: table.stream.streamArn,
          // One lease table per version: each version is a consumer group of its own.
          leaseTable: new InMemoryLeaseTable(),
          projections: [projection],
          store,
          deadLetters: new InMemoryDeadLetters(),
          idleDelayMs: 5,
          checkEveryMs: 5,
        });
        running.push(stream);
        return stream;
      },
    };
    const readTotals = async (): Promise<{ table: string; rows: readonly Row[] }> => {
      const physical = await activeTable(versions, 'listTotals', 'totals');
      if (E.isLeft(physical)) throw new Error(physical.left.message);
      return { table: physical.right, rows: await store.scan(physical.right) };
    };

    // Version 1 goes live: built from the table, its poller keeps running.
    const first = await rebuild({
      ...common,
      source: inMemoryScanSourceOf(table),
      projection: listTotals(1),
    });
    expect(first).toMatchObject({
      _tag: 'Right',
      right: { _tag: 'Switched', from: undefined, to: 1 },
    });
    const v1 = await readTotals();
    expect(v1.table).toBe('totals-v1');

    // Version 2 is built while writes go on; every reader on the way still gets version 1.
    const seenDuring: Promise<{ table: string; rows: readonly Row[] }>[] = [];
    let page = 0;
    const source = inMemoryScanSourceOf(table, () => {
      page += 1;
      applyWrite(table, { task: page % 30, kind: 'put', list: page % 3, points: page % 5 });
    });
    const second = await rebuild({
      ...common,
      source,
      projection: listTotals(2),
      onEvent: (event) => {
        if (event._tag === 'PageApplied') seenDuring.push(readTotals());
      },
    });
    expect(second).toMatchObject({ _tag: 'Right', right: { _tag: 'Switched', from: 1, to: 2 } });
    const during = await Promise.all(seenDuring);
    expect(during.length).toBeGreaterThan(0);
    expect(new Set(during.map((read) => read.table))).toEqual(new Set(['totals-v1']));
    // Version 1's doubled points are always even: the bug's signature, seen until the switch.
    for (const { rows } of during)
      expect(rows.every((row) => Number(row.points) % 2 === 0)).toBe(true);

    const after = await readTotals();
    expect(after.table).toBe('totals-v2');
    const clean = new InMemoryProjectionStore();
    await cleanPass(table, table.stream.records(), [versionedProjection(listTotals(2))], clean);
    expect(after.rows).toEqual(clean.tables()['totals-v2']);
    // The old version was left serving and intact until the switch (its poller still runs).
    expect((await store.scan('totals-v1')).length).toBeGreaterThan(0);

    expect(await rebuild({ ...common, source, projection: listTotals(2) })).toEqual(
      E.right({ _tag: 'UpToDate', version: 2 }),
    );
    expect(await rebuild({ ...common, source, projection: listTotals(1) })).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'NewerVersionActive', active: 2, requested: 1 },
    });
  });
});
