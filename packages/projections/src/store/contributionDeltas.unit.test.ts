import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RowKey } from '../plan/row.js';
import type { Contribution } from '../plan/write.js';
import { contributionDeltas, staleTouches } from './contributionDeltas.js';

const inGroup = (list: string, count = 1, points = 0): Contribution => ({
  group: { list },
  amounts: { count, points },
});
const zero = (list: string) => inGroup(list, 0, 0);
const write = (contribution: Contribution | null, alsoTouches: Contribution[] = []) => ({
  contribution,
  alsoTouches,
});
const byList = (deltas: readonly { group: RowKey; amounts: object }[]) =>
  Object.fromEntries(deltas.map((d) => [String(d.group.list), d.amounts]));

const contributionArbitrary = fc.option(
  fc
    .record({ list: fc.nat(5), count: fc.nat(2), points: fc.integer({ min: -3, max: 9 }) })
    .map(({ list, count, points }) => inGroup(`g${list}`, count, points)),
  { nil: null },
);
// Up to 30 touches, so the summing also runs past the point where it indexes groups by key.
const changesArbitrary = fc.array(
  fc.record({
    contribution: contributionArbitrary,
    alsoTouches: fc.array(
      fc.nat(40).map((list) => zero(`g${list}`)),
      { maxLength: 30 },
    ),
  }),
  { minLength: 1, maxLength: 12 },
);

describe('contributionDeltas', () => {
  it('applied change after change, leaves each group holding exactly what the item now contributes there, and a row for every group ever named', () => {
    fc.assert(
      fc.property(changesArbitrary, (changes) => {
        const rows = new Map<string, Record<string, number>>();
        const named = new Set<string>();
        let before: Contribution | null = null;
        for (const change of changes) {
          const deltas = contributionDeltas(before, change);
          const lists = deltas.map((d) => String(d.group.list));
          expect(new Set(lists).size).toBe(lists.length);
          for (const { group, amounts } of deltas) {
            const row = rows.get(String(group.list)) ?? {};
            for (const [name, value] of Object.entries(amounts))
              row[name] = (row[name] ?? 0) + value;
            rows.set(String(group.list), row);
          }
          for (const c of [change.contribution, ...change.alsoTouches])
            if (c) named.add(String(c.group.list));
          before = change.contribution;
        }
        expect([...rows.keys()].sort()).toEqual([...named].sort());
        for (const [list, row] of rows) {
          const own = before?.group.list === list ? before.amounts : { count: 0, points: 0 };
          expect({ count: row.count ?? 0, points: row.points ?? 0 }).toEqual(own);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('adds the new contribution when the item had none', () => {
    expect(byList(contributionDeltas(null, write(inGroup('a', 1, 4))))).toEqual({
      a: { count: 1, points: 4 },
    });
  });

  it('moves the amounts when the item changed group', () => {
    expect(byList(contributionDeltas(inGroup('a', 1, 4), write(inGroup('b', 1, 6))))).toEqual({
      a: { count: -1, points: -4 },
      b: { count: 1, points: 6 },
    });
  });

  it('moves an item out of a group where it counted zero: the new group still gets its amounts', () => {
    expect(byList(contributionDeltas(zero('a'), write(inGroup('b', 1, 6))))).toEqual({
      b: { count: 1, points: 6 },
    });
  });

  it('leaves out a zero delta on the old group, and touches passed-through groups with zero', () => {
    expect(
      byList(contributionDeltas(inGroup('a'), write(inGroup('a'), [zero('x'), zero('a')]))),
    ).toEqual({ x: { count: 0, points: 0 } });
  });

  it('tells binary group keys apart by their bytes', () => {
    const key = (bytes: number[]) => ({ group: { id: new Uint8Array(bytes) }, amounts: { n: 1 } });
    expect(contributionDeltas(key([1, 2]), write(key([1, 2])))).toEqual([]);
    expect(contributionDeltas(key([1, 2]), write(key([1, 3])))).toHaveLength(2);
  });
});

describe('staleTouches', () => {
  it('names each group of the write once, with zero for each of its amounts', () => {
    expect(
      staleTouches(write(inGroup('b', 1, 6), [zero('a'), zero('b'), zero('a')])).map((t) => [
        t.group.list,
        t.amounts,
      ]),
    ).toEqual([
      ['b', { count: 0, points: 0 }],
      ['a', { count: 0, points: 0 }],
    ]);
    expect(staleTouches(write(null))).toEqual([]);
  });
});
