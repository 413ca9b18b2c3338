import { describe, expect, it } from 'vitest';
import type { Operation } from './operation.js';
import { Workload } from './workload.js';

const HOUR_MS = 3_600_000;
const operations = (orders: number, tasks: number, seed: number) => {
  const workload = new Workload({ orders, tasks, seed, startMs: 0 });
  return { ops: [...workload.operations()], workload };
};
const simulatedMs = (ops: readonly Operation[]) =>
  ops.reduce((ms, op) => ms + (op.kind === 'tick' ? op.ms : 0), 0);

describe('the demo workload', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(operations(30, 30, 5).ops).toEqual(operations(30, 30, 5).ops);
    expect(operations(30, 30, 5).ops).not.toEqual(operations(30, 30, 6).ops);
  });

  it('creates what it was asked for, with a poison item of each kind, in as many steps as it said', () => {
    const { ops, workload } = operations(120, 80, 1);
    expect(workload.stats).toMatchObject({ orders: 120, tasks: 80, poisonItems: 2 });
    expect(workload.done).toBe(workload.total);
    expect(ops.filter((op) => op.kind === 'rollover')).toHaveLength(1);
  });

  it('stays well inside the stream’s 24-hour retention however large it is', () => {
    const { ops } = operations(30_000, 30_000, 2);
    expect(simulatedMs(ops)).toBeLessThan(24 * HOUR_MS);
  });
});
