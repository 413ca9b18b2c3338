import type { SeededRandom } from '@sluice/testing';
import type { BenchOrderLine } from './benchOrderLine.js';

const CITIES = ['Lyon', 'Porto', 'Gdansk', 'Leeds', 'Graz', 'Turku', 'Bilbao', 'Utrecht'];
const COUNTRIES = ['FR', 'PT', 'PL', 'GB', 'AT', 'FI', 'ES', 'NL'];
const TAGS = ['fragile', 'express', 'bulk', 'gift-wrap', 'eco', 'oversize', 'priority', 'b2b'];
const CODES = ['SPRING', 'LOYAL', 'WELCOME', 'BUNDLE'];

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** A new order line, its content drawn from `random`. */
export const newOrderLine = (
  random: SeededRandom,
  orderIndex: number,
  lineIndex: number,
  at: string,
): BenchOrderLine => {
  const customer = random.int(1, 20_000);
  const city = random.int(0, CITIES.length - 1);
  const tags = new Set([random.pick(TAGS)]);
  if (random.next() < 0.4) tags.add(random.pick(TAGS));
  return {
    orderId: `order-${pad(orderIndex, 7)}`,
    lineId: `line-${pad(lineIndex, 2)}`,
    sku: `SKU-${pad(random.int(1, 99_999), 5)}`,
    quantity: random.int(1, 12),
    priceCents: random.int(99, 49_999),
    status: 'open',
    customer: {
      id: `customer-${pad(customer, 6)}`,
      name: `Customer ${customer}`,
      address: {
        street: `${random.int(1, 299)} Harbour Street`,
        city: CITIES[city]!,
        zip: pad(random.int(1000, 99_999), 5),
        country: COUNTRIES[city]!,
      },
    },
    discounts:
      random.next() < 0.3 ? [{ code: random.pick(CODES), percent: random.int(5, 30) }] : [],
    tags,
    bins: new Set([random.int(1, 400), random.int(401, 800)]),
    gift: random.next() < 0.1,
    note: random.next() < 0.2 ? 'leave at the back door' : null,
    version: 1,
    updatedAt: at,
  };
};

const NEXT_STATUS: Record<BenchOrderLine['status'], BenchOrderLine['status']> = {
  open: 'picked',
  picked: 'shipped',
  shipped: 'shipped',
  cancelled: 'cancelled',
};

/** The line after one business change (quantity, status, tags, discount, gift); the version always moves. */
export const changedOrderLine = (
  random: SeededRandom,
  line: BenchOrderLine,
  at: string,
): BenchOrderLine => {
  const next: BenchOrderLine = { ...line, version: line.version + 1, updatedAt: at };
  const roll = random.next();
  if (roll < 0.35) next.quantity = random.int(1, 12);
  else if (roll < 0.7) next.status = random.next() < 0.1 ? 'cancelled' : NEXT_STATUS[line.status];
  else if (roll < 0.85) next.tags = new Set([...line.tags, random.pick(TAGS)]);
  else if (roll < 0.95)
    next.discounts = [
      ...line.discounts.slice(-2),
      { code: random.pick(CODES), percent: random.int(5, 30) },
    ];
  else next.gift = !line.gift;
  return next;
};
