import type { ChangeEvent } from '@sluice/core';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { aggregate } from '../../../builtins/aggregate.js';
import { sortRows, type ToyChange, toyHistory } from '../../../contract/testSupport/toySource.js';
import { InMemoryProjectionStore } from '../../../memory/inMemoryProjectionStore.js';
import { planBatch } from '../../../projection/planBatch.js';
import type { ProjectionStore } from '../../../store/projectionStore.js';
import { withoutRowMarkers } from '../../../store/rowMarkers.js';
import { changeEvent } from '../../../testSupport/changeEvents.js';
import { createProjectionTables } from '../../tables/createProjectionTables.js';
import { tableSpec } from '../../tables/tableSpec.js';
import { instantRetries, ownClients } from '../../testSupport/dynamoDbHarness.js';
import { uniquePrefix } from '../../testSupport/localDynamoDb.js';
import { dynamoDbProjectionStore } from '../dynamoDbProjectionStore.js';
import type { DynamoDbStoreOptions } from '../dynamoDbStoreOptions.js';

/** The keyed aggregate's table: one row per order, keyed by `orderId`, markers inside. */
export const ORDER_TOTALS = 'orderTotals';

/** An order line, keyed by `{ orderId, lineId }`. */
export const OrderLine = t.type({ orderId: t.string, lineId: t.string, quantity: t.number });

/** Lines per order, quantity summed; a quantity divisible by 5 counts nowhere (amounts `null`). */
export const orderTotals = aggregate({
  name: 'orderTotals',
  table: ORDER_TOTALS,
  item: OrderLine,
  keys: t.type({ orderId: t.string, lineId: t.string }),
  viewType: 'NEW_IMAGE',
  groupOfKey: (key) => ({ orderId: key.orderId }),
  amounts: (line) => (line.quantity % 5 === 0 ? null : { count: 1, quantity: line.quantity }),
});

type LineEvent = ChangeEvent<t.TypeOf<typeof OrderLine>>;

/** The order a toy item (`item-N`) is a line of: a fixed function of its key. */
export const orderOf = (id: string, orders = 3): string => `order-${Number(id.slice(5)) % orders}`;

/**
 * Seconds between changes for `deliveryArbitrary` schedules: 2.5 hours, so a removed line's
 * marker goes 10 changes later (25 hours), while a replayed window that ends before a removal
 * ends at most 10 changes behind the position reached, as the stream's 24-hour retention
 * guarantees on AWS: no replay reaches a change whose marker is gone, so amounts stay exact.
 */
export const REPLAY_SAFE_SPACING = 9000;

// After 2096: far from any clock, and the row table has no TTL anyway.
const BASE_MS = 4_000_000_000_000;

/**
 * The toy changes as order-line events, the i-th made `spacingSeconds · i` after a base time, so
 * removed lines' markers expire (25 hours) once enough later changes of their order arrive.
 */
export const lineEvents = (
  changes: readonly ToyChange[],
  spacingSeconds: number,
  orders = 3,
): Map<ToyChange, LineEvent> =>
  new Map(
    changes.map((change, i) => {
      const keys = { orderId: orderOf(change.id, orders), lineId: change.id };
      const image = (state: ToyChange['after']) =>
        state === null ? undefined : { ...keys, quantity: state.quantity };
      const event = changeEvent({
        eventName: change.before === null ? 'INSERT' : change.after === null ? 'REMOVE' : 'MODIFY',
        keys,
        sequence: 0,
        viewType: 'NEW_IMAGE',
        ...(change.after === null ? {} : { newImage: image(change.after) }),
        at: BASE_MS + i * spacingSeconds * 1000,
      });
      const line = { ...event, eventId: `ev-${change.sequenceNumber}` };
      return [change, { ...line, sequenceNumber: change.sequenceNumber } as LineEvent];
    }),
  );

/**
 * Histories of 25 to 50 changes of 7 lines: long enough, at `REPLAY_SAFE_SPACING`, for removed
 * lines' markers to expire and be dropped while their orders go on changing.
 */
export const lineHistoryArbitrary = fc
  .array(
    fc.record({
      item: fc.nat(6),
      list: fc.constant(0),
      quantity: fc.integer({ min: 1, max: 9 }),
      remove: fc.boolean(),
      gap: fc.integer({ min: 1, max: 30 }),
    }),
    { minLength: 25, maxLength: 50 },
  )
  .map(toyHistory);

/** Plans and applies one delivered batch of order-line events; throws if the store fails. */
export const applyLines = async (store: ProjectionStore, events: readonly LineEvent[]) => {
  const result = await store.apply(planBatch(orderTotals, events));
  if (E.isLeft(result)) throw new Error(`apply failed: ${result.left.message}`);
  return result.right;
};

/** The order totals table, rows in a stable order. */
export const totalsOf = async (store: ProjectionStore) => sortRows(await store.scan(ORDER_TOTALS));

/** The totals without the markers: what a reader of the table sees. */
export const amountsOf = async (store: ProjectionStore) =>
  sortRows((await store.scan(ORDER_TOTALS)).map(withoutRowMarkers));

/** One clean pass on the in-memory store: each change alone, in order. */
export const cleanPassStore = async (events: readonly LineEvent[]) => {
  const store = new InMemoryProjectionStore();
  for (const event of events) await applyLines(store, [event]);
  return store;
};

/** A fresh order-totals table on DynamoDB Local and a store on it (own client, instant retries). */
export const orderTotalsOnLocal = async (options: Partial<DynamoDbStoreOptions> = {}) => {
  const clients = ownClients();
  const prefix = uniquePrefix('row-markers');
  const tableName = (table: string) => `${prefix}.${table}`;
  const created = await createProjectionTables(clients.dynamodb, [
    tableSpec(tableName(ORDER_TOTALS), 'orderId'),
  ]);
  if (E.isLeft(created)) throw new Error(created.left.message);
  const storeOn = (more: Partial<DynamoDbStoreOptions> = {}) =>
    dynamoDbProjectionStore({
      client: clients.documentClient,
      tableName,
      retryPolicy: instantRetries,
      ...options,
      ...more,
    });
  return { ...clients, tableName, store: storeOn(), storeOn };
};
