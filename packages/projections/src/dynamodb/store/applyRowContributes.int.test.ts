import { PutCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import { deliver, deliveryArbitrary, toyHistory } from '../../contract/testSupport/toySource.js';
import { InMemoryProjectionStore } from '../../memory/inMemoryProjectionStore.js';
import { planBatch } from '../../projection/planBatch.js';
import { isRowMarkerAttribute, rowMarkerAttribute } from '../../store/rowMarkers.js';
import { countRequests } from '../cost/requestCounter.js';
import {
  amountsOf,
  applyLines,
  cleanPassStore,
  lineEvents,
  lineHistoryArbitrary,
  ORDER_TOTALS,
  orderTotals,
  orderTotalsOnLocal,
  REPLAY_SAFE_SPACING,
  totalsOf,
} from './testSupport/orderLines.js';

const open: Array<{ dynamodb: { destroy: () => void } }> = [];
const local = async () => {
  const made = await orderTotalsOnLocal();
  open.push(made);
  return made;
};
afterEach(() => {
  for (const { dynamodb } of open.splice(0)) dynamodb.destroy();
});

const step = (item: number, quantity: number, remove = false) => ({
  item,
  list: 0,
  quantity,
  remove,
  gap: 3,
});

describe('keyed aggregate on DynamoDB: markers in the group rows', () => {
  it('leaves the same tables as the in-memory store for any delivery, and the amounts of one clean pass', async () => {
    await fc.assert(
      fc.asyncProperty(lineHistoryArbitrary, deliveryArbitrary, async (changes, schedule) => {
        const events = lineEvents(changes, REPLAY_SAFE_SPACING);
        const { store } = await local();
        const memory = new InMemoryProjectionStore();
        for (const batch of deliver(changes, schedule)) {
          const delivered = batch.map((change) => events.get(change)!);
          await applyLines(store, delivered);
          await applyLines(memory, delivered);
        }
        expect(await totalsOf(store)).toEqual(await totalsOf(memory));
        const clean = await cleanPassStore([...events.values()]);
        expect(await amountsOf(store)).toEqual(await amountsOf(clean));
      }),
      { numRuns: 25 },
    );
  });

  it('drops a removed line’s marker once a change of its order comes 25 hours later', async () => {
    const changes = toyHistory([step(0, 2), step(3, 4), step(0, 2, true), step(3, 6)]);
    // Ten hours apart: the last change comes 10 h after the removal (kept), then 30 h (dropped).
    const { store } = await local();
    const near = lineEvents(changes, 10 * 3600);
    await applyLines(store, [...near.values()]);
    const markers = (rows: readonly object[]) =>
      rows.flatMap((row) => Object.keys(row).filter(isRowMarkerAttribute));
    expect(markers(await totalsOf(store))).toHaveLength(2);
    const later = toyHistory([step(0, 2), step(3, 4), step(0, 2, true), step(3, 6), step(3, 7)]);
    const far = lineEvents(later, 30 * 3600);
    await applyLines(store, [far.get(later[4]!)!]);
    const rows = await totalsOf(store);
    expect(markers(rows)).toEqual([
      rowMarkerAttribute(`orderTotals@1|${near.get(changes[1]!)!.itemKey}`),
    ]);
    expect(rows).toEqual(await totalsOf(await cleanPassStore([...far.values()])));
  });

  it('a clean batch of N changes to G orders sends one BatchGetItem and G UpdateItem, no transaction', async () => {
    const { store, documentClient } = await local();
    const changes = toyHistory(Array.from({ length: 24 }, (_, i) => step(i % 8, 1 + (i % 4))));
    const events = [...lineEvents(changes, 60).values()];
    const counter = countRequests(documentClient);
    const applied = await applyLines(store, events);
    expect(counter.byOperation()).toEqual({ BatchGetItem: 1, UpdateItem: 3 });
    expect(applied).toEqual({ _tag: 'Applied', written: 8, unchanged: 0 });
    counter.reset();
    // A replay reads and writes nothing.
    expect(await applyLines(store, events)).toEqual({ _tag: 'Applied', written: 0, unchanged: 8 });
    expect(counter.byOperation()).toEqual({ BatchGetItem: 1 });
    expect(await totalsOf(store)).toEqual(await totalsOf(await cleanPassStore(events)));
  });

  it('splits an order with very many moving markers into self-contained updates', async () => {
    const { store, documentClient } = await local();
    const changes = toyHistory(Array.from({ length: 130 }, (_, i) => step(i * 3, 1 + (i % 4))));
    const events = [...lineEvents(changes, 60).values()];
    const counter = countRequests(documentClient);
    await applyLines(store, events);
    expect(counter.byOperation()).toEqual({ BatchGetItem: 1, UpdateItem: 3 });
    expect(await totalsOf(store)).toEqual(await totalsOf(await cleanPassStore(events)));
  });

  it('refuses a corrupt marker attribute with a typed error naming table and attribute', async () => {
    const { store, documentClient, tableName } = await local();
    const changes = toyHistory([step(0, 2), step(0, 3)]);
    const [first, second] = [...lineEvents(changes, 60).values()];
    await applyLines(store, [first!]);
    const attribute = rowMarkerAttribute(`orderTotals@1|${first!.itemKey}`);
    await documentClient.send(
      new PutCommand({
        TableName: tableName(ORDER_TOTALS),
        Item: { orderId: 'order-0', count: 1, [attribute]: { sequenceNumber: 7 } },
      }),
    );
    const result = await store.apply(planBatch(orderTotals, [second!]));
    expect(result).toMatchObject(
      E.left({
        _tag: 'ApplyFailed',
        unconfirmed: [0],
        cause: { _tag: 'CorruptRowMarker', table: tableName(ORDER_TOTALS), attribute },
      }),
    );
  });

  it('reports a row the update would grow past 400 KB as ItemTooLarge naming table and key', async () => {
    const { store, documentClient, tableName } = await local();
    await documentClient.send(
      new PutCommand({
        TableName: tableName(ORDER_TOTALS),
        Item: { orderId: 'order-0', note: 'x'.repeat(409_500) },
      }),
    );
    const changes = toyHistory([step(0, 2), step(1, 3)]);
    const batch = planBatch(orderTotals, [...lineEvents(changes, 60).values()]);
    const result = await store.apply({ ...batch, origins: [4, 9] });
    expect(result).toMatchObject(
      E.left({
        _tag: 'ApplyFailed',
        unconfirmed: [0],
        cause: {
          _tag: 'ItemTooLarge',
          table: tableName(ORDER_TOTALS),
          key: { orderId: 'order-0' },
          writeIndex: 0,
          origin: 4,
        },
      }),
    );
    // The other order's row is written all the same.
    expect(await amountsOf(store)).toContainEqual({ orderId: 'order-1', count: 1, quantity: 3 });
  });
});
