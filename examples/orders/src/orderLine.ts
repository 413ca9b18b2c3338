import * as t from 'io-ts';

/** Where an order line stands; a cancelled line no longer counts in its order's totals. */
export const OrderLineStatusCodec = t.keyof({ open: null, shipped: null, cancelled: null });

/** One line of an order in the `orders` table. Prices are in cents, so sums stay exact. */
export const OrderLineCodec = t.type({
  orderId: t.string,
  lineId: t.string,
  quantity: t.number,
  unitPrice: t.number,
  status: OrderLineStatusCodec,
});

/** An order line, derived from its codec. */
export type OrderLine = t.TypeOf<typeof OrderLineCodec>;

/** The key of the `orders` table: order id (partition key) and line id (sort key). */
export const OrderLineKeyCodec = t.type({ orderId: t.string, lineId: t.string });

/** An order line's key. */
export type OrderLineKey = t.TypeOf<typeof OrderLineKeyCodec>;
