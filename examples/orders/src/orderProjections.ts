import { aggregate, orderHistory, type Projection } from '@sluice/projections';
import { OrderLineCodec, OrderLineKeyCodec } from './orderLine.js';
import { orderHistoryTable, orderTotalsTable } from './orderTables.js';

/** Every change of every line, one row each, so one Query returns an order's whole history. */
export const orderHistoryProjection = orderHistory({
  name: 'orderHistory',
  table: orderHistoryTable.tableName,
  partitionKey: orderHistoryTable.partitionKey.name,
  item: OrderLineCodec,
  keys: OrderLineKeyCodec,
  viewType: 'NEW_AND_OLD_IMAGES',
  entityId: (event) => event.keys.orderId,
});

/**
 * Per order: how many lines, what quantity and amount (cents); cancelled lines count nowhere.
 * A line's order is part of its key, so each line's marker lives in its order's row.
 */
export const orderTotalsProjection = aggregate({
  name: 'orderTotals',
  table: orderTotalsTable.tableName,
  item: OrderLineCodec,
  keys: OrderLineKeyCodec,
  viewType: 'NEW_IMAGE',
  groupOfKey: (key) => ({ orderId: key.orderId }),
  amounts: (line) =>
    line.status === 'cancelled'
      ? null
      : { lines: 1, quantity: line.quantity, amount: line.quantity * line.unitPrice },
});

/** The projections of the `orders` stream. */
export const orderProjections: readonly Projection[] = [
  orderHistoryProjection,
  orderTotalsProjection,
];
