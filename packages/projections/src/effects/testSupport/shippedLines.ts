import { ManualClock } from '@sluice/core';
import { InMemoryTable } from '@sluice/offline';
import fc from 'fast-check';
import * as t from 'io-ts';
import { defineEffects } from '../effectProjection.js';

/** An order line that ships at some point. */
export const Line = t.type({ orderId: t.string, lineId: t.string, status: t.string });

/** One e-mail per line that becomes shipped (again, after a reopening: a new change, a new e-mail). */
export const shippedEmails = defineEffects({
  name: 'shippedEmails',
  item: Line,
  viewType: 'NEW_AND_OLD_IMAGES',
  plan: (event) =>
    event.eventName !== 'REMOVE' &&
    event.newImage.status === 'shipped' &&
    (event.eventName === 'INSERT' || event.oldImage.status !== 'shipped')
      ? [
          {
            kind: 'shippedEmail',
            payload: { orderId: event.newImage.orderId, lineId: event.newImage.lineId },
          },
        ]
      : [],
});

/** Random line histories: puts of a status, and removals. */
export const lineSteps: fc.Arbitrary<LineStep[]> = fc.array(
  fc.record({
    order: fc.nat(3),
    line: fc.nat(2),
    status: fc.constantFrom('open', 'shipped', 'shipped', 'cancelled'),
    remove: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  }),
  { minLength: 1, maxLength: 25 },
);

export interface LineStep {
  readonly order: number;
  readonly line: number;
  readonly status: string;
  readonly remove: boolean;
}

/** A four-shard order-lines table after the steps. */
export const linesTable = (steps: readonly LineStep[]) => {
  const table = new InMemoryTable({
    tableName: 'lines',
    partitionKey: { name: 'orderId', type: 'S' },
    sortKey: { name: 'lineId', type: 'S' },
    streamViewType: 'NEW_AND_OLD_IMAGES',
    clock: new ManualClock(),
    stream: { partitionCount: 4 },
  });
  for (const { order, line, status, remove } of steps) {
    const key = { orderId: `o${order}`, lineId: `l${line}` };
    if (remove) table.delete(key);
    else table.put({ ...key, status });
  }
  return table;
};
