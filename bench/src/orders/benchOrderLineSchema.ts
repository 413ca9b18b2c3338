import { z } from 'zod';

/** The zod twin of `BenchOrderLineCodec`, for the Powertools parser. */
export const BenchOrderLineSchema = z.object({
  orderId: z.string(),
  lineId: z.string(),
  sku: z.string(),
  quantity: z.number(),
  priceCents: z.number(),
  status: z.enum(['open', 'picked', 'shipped', 'cancelled']),
  customer: z.object({
    id: z.string(),
    name: z.string(),
    address: z.object({
      street: z.string(),
      city: z.string(),
      zip: z.string(),
      country: z.string(),
    }),
  }),
  discounts: z.array(z.object({ code: z.string(), percent: z.number() })),
  tags: z.set(z.string()),
  bins: z.set(z.number()),
  gift: z.boolean(),
  note: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
