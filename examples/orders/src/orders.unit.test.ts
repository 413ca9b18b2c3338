import {
  InMemoryDeadLetters,
  InMemoryProjectionStore,
  type Row,
  withoutRowMarkers,
} from '@sluice/projections';
import { deliverStream, given, InMemoryTable, ManualClock, toLambdaEvent } from '@sluice/testing';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { OrderLine } from './orderLine.js';
import { orderProjections } from './orderProjections.js';
import { ordersHandler } from './ordersHandler.js';
import { ordersTable } from './orderTables.js';

const line = (orderId: string, lineId: string, quantity: number, unitPrice: number): OrderLine => ({
  orderId,
  lineId,
  quantity,
  unitPrice,
  status: 'open',
});

/** A few orders written to an in-memory `orders` table; its stream holds what DynamoDB would emit. */
const ordersWithHistory = () => {
  const orders = new InMemoryTable({ ...ordersTable, clock: new ManualClock() });
  orders.put(line('o-1', 'l-1', 2, 1250));
  orders.put(line('o-1', 'l-2', 1, 500));
  orders.put(line('o-2', 'l-1', 5, 100));
  orders.update({ orderId: 'o-1', lineId: 'l-1' }, { set: { quantity: 3 } });
  orders.update({ orderId: 'o-2', lineId: 'l-1' }, { set: { status: 'cancelled' } });
  orders.delete({ orderId: 'o-1', lineId: 'l-2' });
  return orders;
};

const historyOf = (rows: readonly Row[], orderId: string) =>
  rows
    .filter((row) => row.orderId === orderId)
    .sort((a, b) => String(a.change).localeCompare(String(b.change)))
    .map((row) => `${row.eventName} ${((row.newImage ?? row.oldImage) as OrderLine).lineId}`);

describe('orders projections', () => {
  it('keep the order history and totals exact when Lambda redelivers and the function crashes', async () => {
    const orders = ordersWithHistory();
    const store = new InMemoryProjectionStore();
    const handler = ordersHandler({ store, deadLetters: new InMemoryDeadLetters() });
    store.failAfter(2); // the function dies after two writes of its first batch

    const report = await deliverStream({
      source: orders,
      handler,
      options: { ...handler.recommendedEventSourceMapping, BatchSize: 2 },
      faults: { duplicateBatch: 0.5, loseResponse: 0.5, regroupRetries: true, seed: 3 },
    });

    expect(report.retries).toBeGreaterThan(0);
    expect(report.faults.duplicatedBatches + report.faults.lostResponses).toBeGreaterThan(0);
    const totals = (await store.scan('orderTotals')).map(withoutRowMarkers); // markers: sluice#…
    expect(totals).toContainEqual({ orderId: 'o-1', lines: 1, quantity: 3, amount: 3750 });
    expect(totals).toContainEqual({ orderId: 'o-2', lines: 0, quantity: 0, amount: 0 });
    const history = await store.scan('orderHistory');
    expect(historyOf(history, 'o-1')).toEqual([
      'INSERT l-1',
      'INSERT l-2',
      'MODIFY l-1',
      'REMOVE l-2',
    ]);
  });

  it('end in the very tables one clean pass over the stream produces', async () => {
    const orders = ordersWithHistory();
    const clean = new InMemoryProjectionStore();
    const event = toLambdaEvent(orders.stream.records(), orders.stream.streamArn);
    await ordersHandler({ store: clean, deadLetters: new InMemoryDeadLetters() })(
      event,
      {} as Context,
    );

    const store = new InMemoryProjectionStore();
    const handler = ordersHandler({ store, deadLetters: new InMemoryDeadLetters() });
    await deliverStream({
      source: orders,
      handler,
      options: { ...handler.recommendedEventSourceMapping, BatchSize: 1 },
      faults: { duplicateBatch: true, loseResponse: true, regroupRetries: true, seed: 11 },
    });

    expect(store.tables()).toEqual(clean.tables());
  });

  it('read as a spec: any faulty delivery, twice over, equals one clean pass', () =>
    given(ordersWithHistory())
      .when(orderProjections, { deliveries: 'faulty', times: 2 })
      .thenEqualsCleanPass());

  it('keep a row without amounts for an order whose lines never counted', () => {
    const orders = new InMemoryTable({ ...ordersTable, clock: new ManualClock() });
    orders.put({ ...line('o-4', 'l-1', 2, 100), status: 'cancelled' });
    orders.put(line('o-5', 'l-1', 1, 100));
    orders.update({ orderId: 'o-5', lineId: 'l-1' }, { set: { status: 'cancelled' } });
    return given(orders)
      .when(orderProjections, { deliveries: 'faulty', times: 2 })
      .then({
        orderTotals: [
          { orderId: 'o-4' }, // its line's marker alone made the row
          { orderId: 'o-5', lines: 0, quantity: 0, amount: 0 }, // counted once, then cancelled
        ],
      });
  });

  it('send a line its codec rejects to the dead letters and go on', async () => {
    const orders = ordersWithHistory();
    orders.put({
      orderId: 'o-3',
      lineId: 'l-1',
      quantity: 'three',
      unitPrice: 100,
      status: 'open',
    });
    orders.put(line('o-3', 'l-2', 1, 100));
    const store = new InMemoryProjectionStore();
    const deadLetters = new InMemoryDeadLetters();
    const handler = ordersHandler({ store, deadLetters });

    await deliverStream({
      source: orders,
      handler,
      options: handler.recommendedEventSourceMapping,
    });

    expect(deadLetters.letters.map((letter) => letter.reason.message)).toContainEqual(
      expect.stringContaining('NewImage.quantity'),
    );
    expect((await store.scan('orderTotals')).map(withoutRowMarkers)).toContainEqual({
      orderId: 'o-3',
      lines: 1,
      quantity: 1,
      amount: 100,
    });
  });
});
