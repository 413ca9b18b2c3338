import { ExpiringTaskCodec } from '@sluice/example-archive';
import { OrderLineCodec } from '@sluice/example-orders';
import { TodoTaskCodec } from '@sluice/example-todo';
import { type Row, withoutRowMarkers } from '@sluice/projections';
import type { DemoRun } from '../run/demoRun.js';
import { compareTables, type ProjectionCheck } from './projectionCheck.js';
import { type SourceChange, sourceChanges } from './sourceChanges.js';

type Amounts = Readonly<Record<string, number>>;

// A group row whose amounts are all zero (a list whose tasks all went) equals no row.
const nonZero = (rows: ReadonlyMap<string, Amounts>): Map<string, Amounts> =>
  new Map([...rows].filter(([, amounts]) => Object.values(amounts).some((n) => n !== 0)));

const sum = (into: Map<string, Record<string, number>>, key: string, amounts: Amounts) => {
  const row = into.get(key) ?? {};
  for (const [name, n] of Object.entries(amounts)) row[name] = (row[name] ?? 0) + n;
  into.set(key, row);
};

const imagesValid = (change: SourceChange, valid: (image: unknown) => boolean): boolean =>
  (change.newImage === undefined || valid(change.newImage)) &&
  (change.oldImage === undefined || valid(change.oldImage));

const orderHistoryCheck = (changes: readonly SourceChange[], rows: readonly Row[]) => {
  const expected = new Map<string, unknown>();
  for (const change of changes)
    if (imagesValid(change, OrderLineCodec.is))
      expected.set(`${change.keys.orderId} #${change.sequenceNumber}`, {
        eventName: change.eventName,
        newImage: change.newImage,
        oldImage: change.oldImage,
      });
  const actual = new Map<string, unknown>(
    rows.map((row) => [
      `${row.orderId} #${row.sequenceNumber}`,
      { eventName: row.eventName, newImage: row.newImage, oldImage: row.oldImage },
    ]),
  );
  return compareTables('orderHistory', 'every valid change in the orders stream', expected, actual);
};

// Every change the totals apply (any removal, or a valid new image) leaves its line's marker in the
// order's row, so the row exists; its amounts exist once a line counted, and sum the lines counting now.
const orderTotalsCheck = (
  changes: readonly SourceChange[],
  items: readonly unknown[],
  rows: readonly Row[],
) => {
  const expected = new Map<string, Record<string, number>>();
  const counts = (image: unknown): boolean =>
    OrderLineCodec.is(image) && image.status !== 'cancelled';
  for (const change of changes) {
    const orderId = String(change.keys.orderId);
    if (change.eventName !== 'REMOVE' && !OrderLineCodec.is(change.newImage)) continue;
    sum(expected, orderId, counts(change.newImage) ? { lines: 0, quantity: 0, amount: 0 } : {});
  }
  for (const item of items)
    if (OrderLineCodec.is(item) && counts(item))
      sum(expected, item.orderId, {
        lines: 1,
        quantity: item.quantity,
        amount: item.quantity * item.unitPrice,
      });
  const actual = new Map(
    rows.map((row) => {
      const { orderId, ...amounts } = withoutRowMarkers(row);
      return [String(orderId), amounts as Amounts];
    }),
  );
  return compareTables(
    'orderTotals',
    'per order seen in the orders stream, sums of its open and shipped lines in the orders table',
    expected,
    actual,
  );
};

const taskCountCheck = (items: readonly unknown[], rows: readonly Row[]) => {
  const expected = new Map<string, Record<string, number>>();
  for (const item of items) if (TodoTaskCodec.is(item)) sum(expected, item.ListId, { count: 1 });
  const actual = new Map(rows.map((row) => [String(row.ListId), { count: Number(row.count) }]));
  return compareTables(
    'todoTaskCount',
    'tasks per list in the todoListTask table',
    nonZero(expected),
    nonZero(actual),
  );
};

const archiveCheck = (changes: readonly SourceChange[], rows: readonly Row[]) => {
  const latest = new Map<string, { sequence: bigint; item: unknown }>();
  for (const change of changes) {
    if (change.removedBy !== 'ttl' || !ExpiringTaskCodec.is(change.oldImage)) continue;
    const key = `${change.keys.ListId}/${change.keys.TaskId}`;
    const sequence = BigInt(change.sequenceNumber);
    if ((latest.get(key)?.sequence ?? -1n) < sequence)
      latest.set(key, { sequence, item: change.oldImage });
  }
  const expected = new Map([...latest].map(([key, { item }]) => [key, { removedBy: 'ttl', item }]));
  const actual = new Map<string, unknown>(
    rows.map((row) => [
      `${row.ListId}/${row.TaskId}`,
      { removedBy: row.removedBy, item: row.item },
    ]),
  );
  return compareTables(
    'todoListTaskArchived',
    'the last TTL deletion of each task in the todoListTask stream',
    expected,
    actual,
  );
};

const deadLettersCheck = (
  orders: readonly SourceChange[],
  tasks: readonly SourceChange[],
  letters: DemoRun['deadLetters'],
) => {
  const poison = [
    ...orders.filter((change) => !imagesValid(change, OrderLineCodec.is)),
    ...tasks.filter(
      (change) =>
        (change.newImage !== undefined && !TodoTaskCodec.is(change.newImage)) ||
        (change.removedBy === 'ttl' && !ExpiringTaskCodec.is(change.oldImage)),
    ),
  ];
  return compareTables(
    'dead letters',
    'every record whose item a projection’s codec refuses',
    new Map(poison.map((change) => [`eventID ${change.eventId}`, 'poison'])),
    new Map(letters.map((letter) => [`eventID ${letter.eventId}`, 'poison'])),
  );
};

/**
 * Recomputes every projection from the source tables and streams alone (no projection code, no
 * store, no delivery) and compares. Items and images the codecs refuse are left out, as the
 * projections leave poison records out.
 */
export const checkProjections = (run: DemoRun): ProjectionCheck[] => {
  const orders = sourceChanges(run.sources.orders.records).changes;
  const tasks = sourceChanges(run.sources.todoListTask.records).changes;
  const rows = (table: string) => run.tables[table] ?? [];
  return [
    orderHistoryCheck(orders, rows('orderHistory')),
    orderTotalsCheck(orders, run.sources.orders.items, rows('orderTotals')),
    taskCountCheck(run.sources.todoListTask.items, rows('todoTaskCount')),
    archiveCheck(tasks, rows('todoListTaskArchived')),
    deadLettersCheck(orders, tasks, run.deadLetters),
  ];
};
