import fc from 'fast-check';
import type { BenchOrderLine } from './benchOrderLine.js';

const text = fc.string({ maxLength: 12 });
const number = fc.oneof(
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
);

/** Any order line the benchmark's codec accepts (sets non-empty and duplicate-free, as DynamoDB requires). */
export const orderLineArbitrary: fc.Arbitrary<BenchOrderLine> = fc.record({
  orderId: text,
  lineId: text,
  sku: text,
  quantity: number,
  priceCents: number,
  status: fc.constantFrom('open', 'picked', 'shipped', 'cancelled'),
  customer: fc.record({
    id: text,
    name: text,
    address: fc.record({ street: text, city: text, zip: text, country: text }),
  }),
  discounts: fc.array(fc.record({ code: text, percent: number }), { maxLength: 3 }),
  tags: fc.uniqueArray(text, { minLength: 1, maxLength: 4 }).map((tags) => new Set(tags)),
  bins: fc
    .uniqueArray(fc.integer({ min: -10_000, max: 10_000 }), { minLength: 1, maxLength: 4 })
    .map((bins) => new Set(bins)),
  gift: fc.boolean(),
  note: fc.option(text, { nil: null }),
  version: fc.nat(),
  updatedAt: text,
});
