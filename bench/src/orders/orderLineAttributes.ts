import type { AttributeMap } from '@sluice/testing';
import type { BenchOrderLine } from './benchOrderLine.js';

const s = (value: string) => ({ S: value });
const n = (value: number) => ({ N: String(value) });

/**
 * An order line in DynamoDB JSON, written out by hand: the workload writes a million of them, and
 * `marshall` would dominate the replay's generation time. Equal to `marshall(line)` (a test checks).
 */
export const orderLineAttributes = (line: BenchOrderLine): AttributeMap => {
  const { address } = line.customer;
  return {
    orderId: s(line.orderId),
    lineId: s(line.lineId),
    sku: s(line.sku),
    quantity: n(line.quantity),
    priceCents: n(line.priceCents),
    status: s(line.status),
    customer: {
      M: {
        id: s(line.customer.id),
        name: s(line.customer.name),
        address: {
          M: {
            street: s(address.street),
            city: s(address.city),
            zip: s(address.zip),
            country: s(address.country),
          },
        },
      },
    },
    discounts: {
      L: line.discounts.map((d) => ({ M: { code: s(d.code), percent: n(d.percent) } })),
    },
    tags: { SS: [...line.tags] },
    bins: { NS: [...line.bins].map(String) },
    gift: { BOOL: line.gift },
    note: line.note === null ? { NULL: true } : s(line.note),
    version: n(line.version),
    updatedAt: s(line.updatedAt),
  };
};
