import type { SequenceNumber } from '@sluice/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowId } from '../../plan/rowId.js';
import type { Contribute, Contribution } from '../../plan/write.js';
import { type ContributeEntry, packTransactions, type Step, stepOf } from './contributionPlan.js';
import type { Marker } from './marker.js';

const seq = (n: number) => String(n).padStart(21, '0') as SequenceNumber;
const inGroup = (group: string, count = 1): Contribution => ({
  group: { list: group },
  amounts: { count },
});

const entry = (
  index: number,
  contribution: Contribution | null,
  options: { sequence?: number; alsoTouches?: Contribution[]; markerId?: string } = {},
): ContributeEntry => {
  const write: Contribute = {
    _tag: 'Contribute',
    table: 'counts',
    markerTable: 'markers',
    markerId: options.markerId ?? `item-${index}`,
    sequenceNumber: seq(options.sequence ?? 10),
    contribution,
    alsoTouches: options.alsoTouches ?? [],
  };
  return { index, write };
};

const marker = (sequence: number, contribution: Contribution | null): Marker => ({
  markerId: 'm',
  sequenceNumber: seq(sequence).padStart(40, '0') as SequenceNumber,
  contribution,
});

const deltas = (step: Step | undefined) =>
  Object.fromEntries(
    [...(step?.groups.values() ?? [])].map((g) => [String(g.key.list), g.amounts]),
  );

describe('stepOf', () => {
  it('adds the new contribution when the item has no marker', () => {
    expect(deltas(stepOf(entry(0, inGroup('a')), undefined, 'counts'))).toEqual({
      a: { count: 1 },
    });
  });

  it('moves the amounts when the item changed group', () => {
    const step = stepOf(entry(0, inGroup('b')), marker(5, inGroup('a')), 'counts');
    expect(deltas(step)).toEqual({ a: { count: -1 }, b: { count: 1 } });
  });

  it('skips a write the marker already reflects (same or later sequence number)', () => {
    expect(
      stepOf(entry(0, inGroup('b'), { sequence: 5 }), marker(5, inGroup('a')), 'counts'),
    ).toBeUndefined();
    expect(
      stepOf(entry(0, inGroup('b'), { sequence: 4 }), marker(5, inGroup('a')), 'counts'),
    ).toBeUndefined();
  });

  it('compares sequence numbers as integers, not as strings of different lengths', () => {
    const longer = {
      ...entry(0, inGroup('b')),
      write: {
        ...entry(0, inGroup('b')).write,
        sequenceNumber: `1${'0'.repeat(21)}` as SequenceNumber,
      },
    };
    expect(stepOf(longer, marker(9, inGroup('a')), 'counts')).toBeDefined();
  });

  it('moves only the marker for an unchanged contribution (so stale replays stay fenced off)', () => {
    const step = stepOf(entry(0, inGroup('a')), marker(5, inGroup('a')), 'counts');
    expect(step).toBeDefined();
    expect(deltas(step)).toEqual({});
  });

  it('touches passed-through groups with zero and leaves out a zero delta on the old group', () => {
    const step = stepOf(
      entry(0, inGroup('a'), { alsoTouches: [inGroup('x', 0)] }),
      marker(5, inGroup('a')),
      'counts',
    );
    expect(deltas(step)).toEqual({ x: { count: 0 } });
  });
});

const stepArbitrary = (index: number) =>
  fc
    .record({
      from: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
      to: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
      touches: fc.array(fc.integer({ min: 0, max: 150 }), { maxLength: 120 }),
      markerId: fc.integer({ min: 0, max: 40 }),
    })
    .map(({ from, to, touches, markerId }) => {
      const e = entry(index, to === undefined ? null : inGroup(`g${to}`, 2), {
        markerId: `m${markerId}`,
        alsoTouches: touches.map((t) => inGroup(`t${t}`, 0)),
      });
      return stepOf(
        e,
        from === undefined ? undefined : marker(1, inGroup(`g${from}`, 3)),
        'counts',
      );
    });

describe('packTransactions', () => {
  it('never exceeds 100 actions, never names one item twice, and keeps every non-zero delta in the transaction of its own marker', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.nat(), { maxLength: 120 })
          .chain((xs) => fc.tuple(...xs.map((_, i) => stepArbitrary(i)))),
        (maybeSteps) => {
          const steps = maybeSteps.filter((s): s is Step => s !== undefined);
          const transactions = packTransactions(steps);
          const packedSteps = transactions.flatMap((tx) => tx.steps);
          expect(packedSteps.map((s) => s.entry.index)).toEqual(steps.map((s) => s.entry.index));
          const seenGroups = new Set<string>();
          for (const tx of transactions) {
            expect(tx.steps.length + tx.groups.size).toBeLessThanOrEqual(100);
            const markers = tx.steps.map((s) => s.entry.write.markerId);
            expect(new Set(markers).size).toBe(markers.length);
            // Non-zero deltas: exactly the sum of this transaction's own steps.
            const own = new Map<string, number>();
            for (const step of tx.steps)
              for (const [id, g] of step.groups)
                own.set(id, (own.get(id) ?? 0) + (g.amounts.count ?? 0));
            for (const [id, g] of tx.groups) {
              seenGroups.add(id);
              expect(g.amounts.count ?? 0).toBe(own.get(id) ?? 0);
            }
            for (const [id, total] of own) if (total !== 0) expect(tx.groups.has(id)).toBe(true);
          }
          // Every group a step names gets its row somewhere, at or before its marker's transaction.
          for (const step of steps)
            for (const id of step.groups.keys()) expect(seenGroups.has(id)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('puts a step touching more than 99 groups after transactions holding its zero deltas', () => {
    const touches = Array.from({ length: 150 }, (_, i) => inGroup(`t${i}`, 0));
    const step = stepOf(
      entry(0, inGroup('a'), { alsoTouches: touches }),
      undefined,
      'counts',
    ) as Step;
    const transactions = packTransactions([step]);
    expect(transactions.map((tx) => [tx.steps.length, tx.groups.size])).toEqual([
      [0, 100],
      [0, 50],
      [1, 1],
    ]);
    expect([...(transactions[2]?.groups.keys() ?? [])]).toEqual([rowId('counts', { list: 'a' })]);
  });
});
