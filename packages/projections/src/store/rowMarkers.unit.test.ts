import type { SequenceNumber } from '@sluice/core';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { Row } from '../plan/row.js';
import type { Contribute } from '../plan/write.js';
import {
  applyRowGroup,
  planRowGroup,
  rowMarkerAttribute,
  withoutRowMarkers,
} from './rowMarkers.js';

const KEY = { orderId: 'o1' };
const DAY = 24 * 60 * 60;

/** One change of a line of order o1: its quantity after the change, `null` once removed. */
interface Change {
  readonly line: string;
  readonly quantity: number | null;
}

// The n-th change (sequence n + 1), at n hours; a removal's marker may go 25 hours later.
const writeOf = (change: Change, n: number): Contribute => {
  const at = n * 3600;
  return {
    _tag: 'Contribute',
    table: 'lines',
    markerTable: 'lines',
    markerId: `lines@1|${change.line}`,
    sequenceNumber: String(n + 1) as SequenceNumber,
    contribution:
      change.quantity === null
        ? null
        : { group: KEY, amounts: { lines: 1, quantity: change.quantity } },
    alsoTouches: [],
    markerRow: KEY,
    changedAt: at,
    ...(change.quantity === null ? { expiresAt: at + DAY + 3600 } : {}),
  };
};

const apply = (row: Row | undefined, writes: readonly Contribute[]): Row | undefined => {
  const update = planRowGroup('lines', KEY, row, writes);
  if (E.isLeft(update)) throw new Error(update.left.message);
  return update.right.applied.length === 0 ? row : applyRowGroup(KEY, row, update.right);
};

const changesArb = fc.array(
  fc.record({
    line: fc.constantFrom('a', 'b', 'c'),
    quantity: fc.option(fc.nat(5), { nil: null }),
  }),
  { minLength: 1, maxLength: 25 },
);

/** What the row must count: the live lines' latest quantities. */
const expectedAmounts = (changes: readonly Change[]) => {
  const live = new Map<string, number>();
  for (const { line, quantity } of changes)
    if (quantity === null) live.delete(line);
    else live.set(line, quantity);
  return { lines: live.size, quantity: [...live.values()].reduce((a, b) => a + b, 0) };
};

describe('planRowGroup: markers kept in the group row', () => {
  it('counts the latest state of every item, however the changes are split into writes', () => {
    fc.assert(
      fc.property(changesArb, fc.array(fc.nat(4), { maxLength: 25 }), (changes, cuts) => {
        const writes = changes.map(writeOf);
        let row: Row | undefined;
        let at = 0;
        for (const cut of [...cuts, writes.length]) {
          const next = Math.min(writes.length, at + cut + 1);
          row = apply(row, writes.slice(at, next));
          at = next;
          if (at === writes.length) break;
        }
        const counted = expectedAmounts(changes);
        const ever = changes.some((change) => change.quantity !== null);
        const amounts = { lines: row?.lines ?? 0, quantity: row?.quantity ?? 0 };
        expect(amounts).toEqual(counted);
        expect('lines' in (row ?? {})).toBe(ever);
      }),
    );
  });

  it('changes nothing for a write older than its marker, e.g. a zombie consumer’s replay', () => {
    fc.assert(
      fc.property(changesArb, fc.nat(), (changes, pick) => {
        const writes = changes.map(writeOf);
        const row = apply(undefined, writes);
        const stale = writes[pick % writes.length]!;
        const update = planRowGroup('lines', KEY, row, [stale]);
        expect(E.isRight(update) && update.right).toMatchObject({ applied: [], stale: [0] });
      }),
    );
  });

  it('drops a removed item’s marker once a later change reaches its expiry, and only then', () => {
    const removed = writeOf({ line: 'a', quantity: null }, 1);
    const row = apply(undefined, [writeOf({ line: 'a', quantity: 2 }, 0), removed]);
    const a = rowMarkerAttribute(removed.markerId);
    expect(row?.[a]).toMatchObject({ amounts: null, expiresAt: 3600 + DAY + 3600 });
    const early = apply(row, [writeOf({ line: 'b', quantity: 1 }, 24)]);
    expect(early?.[a]).toBeDefined();
    const late = apply(early, [writeOf({ line: 'b', quantity: 3 }, 26)]);
    expect(late?.[a]).toBeUndefined();
    expect(withoutRowMarkers(late!)).toEqual({ orderId: 'o1', lines: 1, quantity: 3 });
  });

  it('conditions the write on every marker it moves or drops, as read', () => {
    const first = writeOf({ line: 'a', quantity: 2 }, 0);
    const row = apply(undefined, [first, writeOf({ line: 'b', quantity: null }, 1)]);
    const update = planRowGroup('lines', KEY, row, [
      writeOf({ line: 'a', quantity: 4 }, 30),
      writeOf({ line: 'c', quantity: 1 }, 31),
    ]);
    const stored = (line: string) =>
      (row![rowMarkerAttribute(`lines@1|${line}`)] as { sequenceNumber: string }).sequenceNumber;
    expect(E.isRight(update) && [...update.right.seen]).toEqual([
      [rowMarkerAttribute('lines@1|a'), stored('a')],
      [rowMarkerAttribute('lines@1|c'), undefined],
      [rowMarkerAttribute('lines@1|b'), stored('b')],
    ]);
    expect(E.isRight(update) && update.right.drop).toEqual([rowMarkerAttribute('lines@1|b')]);
  });

  it('refuses a malformed marker with a typed error naming the table and the attribute', () => {
    const attribute = rowMarkerAttribute('lines@1|a');
    const update = planRowGroup('lines', KEY, { ...KEY, [attribute]: { sequenceNumber: 7 } }, [
      writeOf({ line: 'a', quantity: 1 }, 0),
    ]);
    expect(update).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'CorruptRowMarker', table: 'lines', attribute },
    });
  });
});
