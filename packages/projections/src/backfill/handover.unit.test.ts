import { unmarshallItem } from '@sluice/core';
import type { InMemoryStreamRecord, InMemoryTable } from '@sluice/offline';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import type { Row } from '../plan/row.js';
import type { Write } from '../plan/write.js';
import { inMemoryScanSource } from './inMemoryScanSource.js';
import { scanSnapshots } from './scanSnapshots.js';
import type { ScannedItem, ScanSource } from './scanSource.js';
import type { BackfillTarget } from './snapshotTarget.js';
import {
  applyWrite,
  type TaskWrite,
  taskProjections,
  taskTable,
  taskWrites,
} from './testSupport/backfillTasks.js';
import { cleanPass, ShardConsumer } from './testSupport/shardConsumer.js';

/** What happens around one page read of the scan. */
interface PageStep {
  /** Writes before the page is read. */
  readonly before: TaskWrite[];
  /** Writes after it is read and before its snapshots are applied: they make it stale. */
  readonly after: TaskWrite[];
  /** Live-stream pages applied before the read (some twice, as at-least-once delivery does). */
  readonly live: { shard: number; limit: number; twice: boolean }[];
}

interface Scenario {
  readonly history: TaskWrite[];
  readonly segments: number;
  readonly pageSize: number;
  readonly steps: PageStep[];
  readonly afterScan: TaskWrite[];
}

const scenarios: fc.Arbitrary<Scenario> = fc.record({
  history: taskWrites(25),
  segments: fc.integer({ min: 1, max: 4 }),
  pageSize: fc.integer({ min: 1, max: 4 }),
  steps: fc.array(
    fc.record({
      before: taskWrites(3),
      after: taskWrites(3),
      live: fc.array(
        fc.record({
          shard: fc.nat(3),
          limit: fc.integer({ min: 1, max: 5 }),
          twice: fc.boolean(),
        }),
        { maxLength: 2 },
      ),
    }),
    { maxLength: 25 },
  ),
  afterScan: taskWrites(8),
});

/**
 * Where the live consumer starts: at TRIM_HORIZON (the stream still holds the whole history), at
 * LATEST just before the scan (the history before it is gone from the stream: only snapshots
 * carry it), or, wrongly, at LATEST after the scan (the gap a backfill must not have).
 */
type Start = 'TRIM_HORIZON' | 'LATEST' | 'LATEST_AFTER_SCAN';

interface Outcome {
  readonly table: InMemoryTable;
  readonly store: InMemoryProjectionStore;
  readonly read: ScannedItem[];
  readonly consumed: InMemoryStreamRecord[];
}

const runBackfill = async (
  scenario: Scenario,
  start: Start,
  targets: readonly BackfillTarget[] = taskProjections().targets,
): Promise<Outcome> => {
  const table = taskTable(2);
  for (const write of scenario.history) applyWrite(table, write);
  const store = new InMemoryProjectionStore();
  const { all } = taskProjections();
  let consumer =
    start === 'LATEST_AFTER_SCAN' ? undefined : new ShardConsumer(table, all, store, start);
  const inner = inMemoryScanSource(table);
  const read: ScannedItem[] = [];
  let pages = 0;
  const source: ScanSource = {
    describe: inner.describe,
    readPage: async (request) => {
      const step = scenario.steps[pages++];
      for (const write of step?.before ?? []) applyWrite(table, write);
      for (const live of step?.live ?? []) await consumer?.step(live.shard, live.limit, live.twice);
      const page = await inner.readPage(request);
      for (const write of step?.after ?? []) applyWrite(table, write);
      if (E.isRight(page)) read.push(...page.right.items);
      return page;
    },
  };
  const scanned = await scanSnapshots({
    source,
    projections: targets,
    store,
    deadLetters: new InMemoryDeadLetters(),
    segments: scenario.segments,
    pageSize: scenario.pageSize,
  });
  if (E.isLeft(scanned) || !scanned.right.complete) throw new Error('scan did not complete');
  consumer ??= new ShardConsumer(table, all, store, 'LATEST');
  for (const write of scenario.afterScan) applyWrite(table, write);
  await consumer.drain();
  return { table, store, read, consumed: consumer.applied };
};

/** The projections of a clean, single pass over `records`. */
const cleanTables = async (table: InMemoryTable, records: readonly InMemoryStreamRecord[]) => {
  const store = new InMemoryProjectionStore();
  await cleanPass(table, records, taskProjections().all, store);
  return store.tables();
};

const isSnapshotRow = (row: Row) => row.eventName === 'SNAPSHOT';
const allZero = (row: Row) =>
  Object.entries(row).every(([name, value]) => name === 'list' || value === 0);
const contributions = (markers: readonly Row[] | undefined) =>
  Object.fromEntries(
    (markers ?? []).filter((m) => m.contribution !== null).map((m) => [m.markerId, m.contribution]),
  );

/** Checks every invariant of the handover; returns why it does not hold, or undefined. */
const verify = async (outcome: Outcome, start: Start): Promise<void> => {
  const { table, store, read, consumed } = outcome;
  const tables = store.tables();
  const full = await cleanTables(table, table.stream.records());
  const seen = await cleanTables(table, consumed);

  // Aggregates: equal to a clean pass over the table's complete history.
  const totals = tables.totals ?? [];
  const fullTotals = full.totals ?? [];
  if (start === 'TRIM_HORIZON') {
    expect(totals).toEqual(fullTotals);
    expect(tables.markers).toEqual(full.markers);
  } else {
    // Groups an item passed through before the stream begins leave zero rows only a full pass
    // knows of, and markers hold the latest *applied* sequence number: compare what counts.
    expect(totals.filter((row) => !allZero(row))).toEqual(fullTotals.filter((r) => !allZero(r)));
    const fullKeys = new Set(fullTotals.map((row) => row.list));
    expect(totals.every((row) => fullKeys.has(row.list))).toBe(true);
    expect(contributions(tables.markers)).toEqual(contributions(full.markers));
  }

  // Archive and history: a clean pass over the changes the stream still held, plus one SNAPSHOT
  // row per item the scan read, holding the item as read.
  expect(tables.archive ?? []).toEqual(seen.archive ?? []);
  const history = tables.history ?? [];
  expect(history.filter((row) => !isSnapshotRow(row))).toEqual(seen.history ?? []);
  const snapshots = history.filter(isSnapshotRow);
  const asRead = read.map((item) => E.getOrElseW(() => undefined)(unmarshallItem(item)));
  expect(snapshots.map((row) => row.newImage)).toEqual(expect.arrayContaining(asRead as unknown[]));
  expect(snapshots).toHaveLength(read.length);
};

const holds = async (scenario: Scenario, start: Start, targets?: readonly BackfillTarget[]) => {
  try {
    await verify(await runBackfill(scenario, start, targets), start);
    return true;
  } catch {
    return false;
  }
};

describe('backfill hand-over to the live stream', () => {
  it('with the live stream consumed from TRIM_HORIZON, writes racing the scan leave every projection equal to a clean pass over the complete history (plus one SNAPSHOT row per scanned item)', async () => {
    await fc.assert(
      fc.asyncProperty(scenarios, async (scenario) => {
        await verify(await runBackfill(scenario, 'TRIM_HORIZON'), 'TRIM_HORIZON');
      }),
      { numRuns: 100 },
    );
  });

  it('with the history before the scan gone from the stream, snapshots and racing writes still leave aggregates equal to a clean pass over the complete history', async () => {
    await fc.assert(
      fc.asyncProperty(scenarios, async (scenario) => {
        await verify(await runBackfill(scenario, 'LATEST'), 'LATEST');
      }),
      { numRuns: 100 },
    );
  });

  it('fails when the live stream starts only after the scan: changes made during the scan are lost', async () => {
    const result = await fc.check(
      fc.asyncProperty(scenarios, (scenario) => holds(scenario, 'LATEST_AFTER_SCAN')),
      { numRuns: 200 },
    );
    expect(result.failed).toBe(true);
  });

  it('fails when a snapshot may win over a change (a snapshot ranked above the stream): a stale read overwrites newer state', async () => {
    const { totals, archived, targets } = taskProjections();
    const beatsChanges = (write: Write): Write =>
      write._tag === 'Contribute' ? { ...write, sequenceNumber: '9'.repeat(40) as never } : write;
    const naive: BackfillTarget[] = [
      targets[0]!,
      { projection: totals, snapshot: (event) => totals.plan(event as never).map(beatsChanges) },
      { projection: archived },
    ];
    const result = await fc.check(
      fc.asyncProperty(scenarios, (scenario) => holds(scenario, 'TRIM_HORIZON', naive)),
      { numRuns: 200 },
    );
    expect(result.failed).toBe(true);
  });
});
