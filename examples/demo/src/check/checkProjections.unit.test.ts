import { type Row, withoutRowMarkers } from '@sluice/projections';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInMemory } from '../memory/runInMemory.js';
import { silentProgress } from '../report/progress.js';
import type { DemoRun } from '../run/demoRun.js';
import { checkProjections } from './checkProjections.js';

let run: DemoRun;
beforeAll(async () => {
  run = await runInMemory({ orders: 40, tasks: 60, seed: 3, dynamodbLocal: false }, silentProgress);
});

/** The run with one table changed. */
const withTable = (table: string, change: (rows: readonly Row[]) => readonly Row[]): DemoRun => ({
  ...run,
  tables: { ...run.tables, [table]: change(run.tables[table] ?? []) },
});

const failing = (tampered: DemoRun) =>
  checkProjections(tampered)
    .filter((check) => check.differences.length > 0)
    .map((check) => check.table);

describe('the demo’s check', () => {
  it('passes on an honest run', () => {
    expect(failing(run)).toEqual([]);
  });

  it('notices a lost history row, an off-by-one count, a wrong total and a stray archive row', () => {
    expect(failing(withTable('orderHistory', (rows) => rows.slice(1)))).toEqual(['orderHistory']);
    expect(
      failing(
        withTable('todoTaskCount', ([first, ...rest]) => [
          { ...first, count: Number(first?.count) + 1 },
          ...rest,
        ]),
      ),
    ).toEqual(['todoTaskCount']);
    expect(
      failing(
        withTable('orderTotals', (rows) =>
          rows.map((row, i) => (i === 0 ? { ...row, amount: Number(row.amount) + 1 } : row)),
        ),
      ),
    ).toEqual(['orderTotals']);
    expect(
      failing(
        withTable('todoListTaskArchived', (rows) => [
          ...rows,
          { ListId: 'home', TaskId: 'never-expired', removedBy: 'ttl', item: {} },
        ]),
      ),
    ).toEqual(['todoListTaskArchived']);
  });

  it('expects a row for every order seen, amounts and all, even when nothing in it counts now', () => {
    const zero = (run.tables.orderTotals ?? []).filter((row) => row.lines === 0);
    expect(zero.length).toBeGreaterThan(0);
    for (const row of zero) {
      const lost = withTable('orderTotals', (rows) => rows.filter((r) => r !== row));
      expect(failing(lost)).toEqual(['orderTotals']);
      const { orderId } = withoutRowMarkers(row); // as if no line of the order had ever counted
      const bare = withTable('orderTotals', (rows) =>
        rows.map((r) => (r === row ? { orderId } : r)),
      );
      expect(failing(bare)).toEqual(['orderTotals']);
    }
  });

  it('notices a poison record missing from the dead letters', () => {
    const first = run.deadLetters[0]?.eventId;
    expect(first).toBeDefined();
    const tampered = { ...run, deadLetters: run.deadLetters.filter((l) => l.eventId !== first) };
    expect(failing(tampered)).toEqual(['dead letters']);
  });
});
