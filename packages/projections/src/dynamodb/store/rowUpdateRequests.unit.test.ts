import { sortableSequenceNumber } from '@sluice/core';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { Contribute } from '../../plan/write.js';
import { applyRowGroup, planRowGroup, rowMarkerAttribute } from '../../store/rowMarkers.js';
import { sequenceNumber } from '../../testSupport/changeEvents.js';
import { MARKERS_PER_UPDATE, rowUpdateRequests } from './rowUpdateRequests.js';

const key = { orderId: 'o-1' };
// Names DynamoDB's expression grammar would choke on unescaped, and long ones.
const markerId = (i: number) => `orders@1|line#${i}|x.y ${'z'.repeat(200)}`;
const write = (i: number, at: number, removed = false): Contribute => ({
  _tag: 'Contribute',
  table: 'orders',
  markerTable: 'orders',
  markerId: markerId(i),
  sequenceNumber: sequenceNumber(at),
  contribution: removed ? null : { group: key, amounts: { count: 1, [`q ${i % 3}`]: i } },
  alsoTouches: [],
  markerRow: key,
  changedAt: 1_000 + at,
  ...(removed ? { expiresAt: 1_000 + at } : {}),
});

// A row holding 30 removed lines whose markers have expired, and 20 live ones.
const row: Record<string, unknown> = { ...key, count: 20, 'q 0': 5 };
for (let i = 0; i < 50; i++)
  row[rowMarkerAttribute(markerId(i))] = {
    sequenceNumber: sortableSequenceNumber(sequenceNumber(i)),
    amounts: i < 30 ? null : { count: 1 },
    ...(i < 30 ? { expiresAt: 1_000 } : {}),
  };

describe('rowUpdateRequests', () => {
  const writes = Array.from({ length: 120 }, (_, i) => write(30 + i, 500 + i, i % 7 === 0));
  const plan = planRowGroup('orders', key, row, writes);
  const requests = E.isRight(plan)
    ? rowUpdateRequests('orders', key, row, writes, plan.right)
    : E.left(null);
  const sent = E.isRight(requests) ? requests.right : [];

  it('splits 120 moving and 30 dropped markers into self-contained updates within the expression limits', () => {
    expect(sent).toHaveLength(Math.ceil(150 / MARKERS_PER_UPDATE));
    for (const { input } of sent) {
      expect(input.UpdateExpression!.length).toBeLessThan(4096);
      expect(input.ConditionExpression!.length).toBeLessThan(4096);
      // Every name goes through a placeholder.
      expect(`${input.UpdateExpression} ${input.ConditionExpression}`).not.toMatch(/orders@|q \d/);
    }
    // The drops go first; every applied write travels exactly once.
    expect(sent[0]!.input.UpdateExpression).toMatch(/REMOVE/);
    expect(sent.flatMap((request) => request.applies).sort((a, b) => a - b)).toEqual(
      writes.map((_, i) => i),
    );
  });

  it('applied one after the other, the updates leave the row the whole plan leaves', () => {
    let state: Record<string, unknown> = row;
    for (const { input } of sent) {
      const names = input.ExpressionAttributeNames!;
      const values = input.ExpressionAttributeValues!;
      const next = { ...state };
      for (const [, at, value] of input.UpdateExpression!.matchAll(/(#m\d+) = (:m\d+)/g))
        next[names[at!]!] = values[value!];
      for (const [, at, value] of input.UpdateExpression!.matchAll(/(#a\d+) (:a\d+)/g))
        next[names[at!]!] = ((next[names[at!]!] as number) ?? 0) + (values[value!] as number);
      for (const [at] of input.UpdateExpression!.matchAll(/#d\d+/g)) delete next[names[at]!];
      state = next;
    }
    expect(E.isRight(plan) && state).toEqual(
      E.isRight(plan) && applyRowGroup(key, row, plan.right),
    );
  });
});
