import {
  OrderLineKeyCodec,
  OrderLineStatusCodec,
  orderHistoryTable,
  orderTotalsTable,
} from '@sluice/example-orders';
import { aggregate, orderHistory, type Projection } from '@sluice/projections';
import * as t from 'io-ts';

/** A quantity as a number, or as the digits a buggy producer wrote instead. */
const Quantity = new t.Type<number, number, unknown>(
  'Quantity',
  (u): u is number => typeof u === 'number',
  (u, context) =>
    typeof u === 'number'
      ? t.success(u)
      : typeof u === 'string' && /^\d{1,9}$/.test(u)
        ? t.success(Number(u))
        : t.failure(u, context),
  (n) => n,
);

/** The fix deployed in the demo: order lines whose quantity may be numeric text. */
const FixedOrderLineCodec = t.type({
  orderId: t.string,
  lineId: t.string,
  quantity: Quantity,
  unitPrice: t.number,
  status: OrderLineStatusCodec,
});

/** The orders example's projections, same names and tables, with the fixed codec. */
export const fixedOrderProjections: readonly Projection[] = [
  orderHistory({
    name: 'orderHistory',
    table: orderHistoryTable.tableName,
    partitionKey: orderHistoryTable.partitionKey.name,
    item: FixedOrderLineCodec,
    keys: OrderLineKeyCodec,
    viewType: 'NEW_AND_OLD_IMAGES',
    entityId: (event) => event.keys.orderId,
  }),
  aggregate({
    name: 'orderTotals',
    table: orderTotalsTable.tableName,
    item: FixedOrderLineCodec,
    keys: OrderLineKeyCodec,
    viewType: 'NEW_IMAGE',
    groupOfKey: (key) => ({ orderId: key.orderId }),
    amounts: (line) =>
      line.status === 'cancelled'
        ? null
        : { lines: 1, quantity: line.quantity, amount: line.quantity * line.unitPrice },
  }),
];
