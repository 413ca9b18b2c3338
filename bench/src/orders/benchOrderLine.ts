import { NumberSetCodec, StringSetCodec } from '@sluice/core';
import * as t from 'io-ts';

/** Where a line stands; cancelled lines stay in the table until removed. */
export const LineStatusCodec = t.keyof({
  open: null,
  picked: null,
  shipped: null,
  cancelled: null,
});

const AddressCodec = t.type({ street: t.string, city: t.string, zip: t.string, country: t.string });

/**
 * One order line as the benchmark's source table holds it: nested maps, a list of maps, string
 * and number sets, numbers, booleans and a nullable note, the shapes real items carry.
 */
export const BenchOrderLineCodec = t.type({
  orderId: t.string,
  lineId: t.string,
  sku: t.string,
  quantity: t.number,
  priceCents: t.number,
  status: LineStatusCodec,
  customer: t.type({ id: t.string, name: t.string, address: AddressCodec }),
  discounts: t.array(t.type({ code: t.string, percent: t.number })),
  tags: StringSetCodec,
  bins: NumberSetCodec,
  gift: t.boolean,
  note: t.union([t.string, t.null]),
  version: t.number,
  updatedAt: t.string,
});

/** A benchmark order line, derived from its codec. */
export type BenchOrderLine = t.TypeOf<typeof BenchOrderLineCodec>;

/** The source table's key: order id (partition key) and line id (sort key). */
export const BenchOrderLineKeyCodec = t.type({ orderId: t.string, lineId: t.string });
