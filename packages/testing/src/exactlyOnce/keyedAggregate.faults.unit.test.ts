import { aggregate } from '@sluice/projections';
import fc from 'fast-check';
import * as t from 'io-ts';
import { describe, it } from 'vitest';
import { faultyDeliveries } from '../spec/deliveryPlan.js';
import { given } from '../spec/given.js';
import type { TableWrite } from '../spec/tableWrite.js';

const Line = t.type({
  orderId: t.string,
  lineId: t.string,
  quantity: t.number,
  cancelled: t.boolean,
});
const LineKey = t.type({ orderId: t.string, lineId: t.string });
type Line = t.TypeOf<typeof Line>;

// Lines and quantity per order, the markers in the order rows: the group follows from the key.
const inRows = aggregate({
  name: 'linesInRows',
  table: 'linesInRows',
  item: Line,
  keys: LineKey,
  viewType: 'NEW_IMAGE',
  groupOfKey: (key) => ({ orderId: key.orderId }),
  amounts: (line) => (line.cancelled ? null : { lines: 1, quantity: line.quantity }),
});

// The same counts with a marker table, the layout for items that move between groups.
const withMarkerTable = aggregate({
  name: 'linesWithMarkers',
  table: 'linesWithMarkers',
  markerTable: 'lineMarkers',
  item: Line,
  keys: LineKey,
  viewType: 'NEW_IMAGE',
  group: (line) => (line.cancelled ? null : { orderId: line.orderId }),
  amounts: (line) => ({ lines: 1, quantity: line.quantity }),
});

// Within the stream's 24-hour retention (records older are trimmed before delivery), so a removed
// line's marker never expires here: its dropping is tested against both stores directly.
const HOUR_MS = 60 * 60 * 1000;

type Step =
  | {
      readonly kind: 'put';
      readonly order: string;
      readonly line: string;
      readonly quantity: number;
      readonly cancelled: boolean;
    }
  | { readonly kind: 'delete'; readonly order: string; readonly line: string }
  | { readonly kind: 'wait' };

const orderArb = fc.constantFrom('o1', 'o2');
const lineArb = fc.constantFrom('l1', 'l2', 'l3');
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('put' as const),
      order: orderArb,
      line: lineArb,
      quantity: fc.nat(4),
      cancelled: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('delete' as const), order: orderArb, line: lineArb }),
  },
  // An hour passes between two changes.
  { weight: 1, arbitrary: fc.constant({ kind: 'wait' as const }) },
);

interface OrderState {
  readonly live: Map<string, Line>;
  /** A line of the order was ever written: its row exists (it holds the markers). */
  seen: boolean;
  /** A line ever counted in it: the row has its amounts (the marker-table layout's row exists). */
  counted: boolean;
}

/** The source writes and, per order, what each layout's row must hold at the end. */
const scenario = (steps: readonly Step[]) => {
  const orders = new Map<string, OrderState>();
  const stateOf = (order: string) => {
    const known = orders.get(order);
    if (known !== undefined) return known;
    const state: OrderState = { live: new Map(), seen: false, counted: false };
    orders.set(order, state);
    return state;
  };
  const writes: TableWrite[] = [];
  for (const step of steps) {
    if (step.kind === 'wait') {
      writes.push({ advanceClockMs: HOUR_MS });
      continue;
    }
    const state = stateOf(step.order);
    if (step.kind === 'delete') {
      // Deleting an absent item writes no stream record.
      if (state.live.delete(step.line))
        writes.push({ delete: { orderId: step.order, lineId: step.line } });
      continue;
    }
    const line: Line = {
      orderId: step.order,
      lineId: step.line,
      quantity: step.quantity,
      cancelled: step.cancelled,
    };
    state.live.set(step.line, line);
    state.seen = true;
    state.counted ||= !line.cancelled;
    writes.push({ put: line });
  }
  const sums = (state: OrderState) => {
    const counting = [...state.live.values()].filter((line) => !line.cancelled);
    return {
      lines: counting.length,
      quantity: counting.reduce((sum, line) => sum + line.quantity, 0),
    };
  };
  const entries = [...orders];
  return {
    writes,
    linesInRows: entries
      .filter(([, state]) => state.seen)
      .map(([orderId, state]) => ({ orderId, ...(state.counted ? sums(state) : {}) })),
    linesWithMarkers: entries
      .filter(([, state]) => state.counted)
      .map(([orderId, state]) => ({ orderId, ...sums(state) })),
  };
};

const keyOptions = {
  partitionKey: { name: 'orderId', type: 'S' },
  sortKey: { name: 'lineId', type: 'S' },
} as const;

describe('an aggregate keeping its markers in the group rows, under fault schedules', () => {
  it('counts as the marker-table layout does and as a clean pass, every record delivered twice', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArb, { minLength: 1, maxLength: 30 }),
        fc.nat(),
        async (steps, seed) => {
          const expected = scenario(steps);
          const run = given(expected.writes, keyOptions).when([inRows, withMarkerTable], {
            deliveries: faultyDeliveries(seed),
            times: 2,
          });
          await run.then({
            linesInRows: expected.linesInRows,
            linesWithMarkers: expected.linesWithMarkers,
          });
          await run.thenEqualsCleanPass();
        },
      ),
      { numRuns: 60 },
    );
  });
});
