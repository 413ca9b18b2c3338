import { aggregate, archive, orderHistory, type Projection } from '@sluice/projections';
import { markerTableSpec, type TableSpec, tableSpec } from '@sluice/projections/dynamodb';
import { BenchOrderLineCodec, BenchOrderLineKeyCodec } from './benchOrderLine.js';

/** Logical names of the tables the benchmark's projections write. */
export const benchTables = {
  history: 'orderHistory',
  linesPerOrder: 'linesPerOrder',
  markers: 'lineMarkers',
  linesPerOrderInRows: 'linesPerOrderInRows',
  archive: 'lineArchive',
} as const;

const item = BenchOrderLineCodec;
const keys = BenchOrderLineKeyCodec;
const viewType = 'NEW_AND_OLD_IMAGES' as const;

/** Every change of every line, one row each, under its order. */
export const historyProjection = orderHistory({
  name: 'orderHistory',
  table: benchTables.history,
  partitionKey: 'orderId',
  item,
  keys,
  viewType,
  entityId: (event) => event.keys.orderId,
});

/** Per order: how many lines and what quantity; cancelled lines count nowhere. */
export const linesPerOrderProjection = aggregate({
  name: 'linesPerOrder',
  table: benchTables.linesPerOrder,
  markerTable: benchTables.markers,
  item,
  keys,
  viewType,
  group: (line) => (line.status === 'cancelled' ? null : { orderId: line.orderId }),
  amounts: (line) => ({ lines: 1, quantity: line.quantity }),
});

/**
 * The same figures as `linesPerOrderProjection`, with each line's marker kept in its order's row:
 * a line never changes order (the order is part of its key), so no marker table is needed.
 */
export const linesPerOrderInRowsProjection = aggregate({
  name: 'linesPerOrderInRows',
  table: benchTables.linesPerOrderInRows,
  item,
  keys,
  viewType,
  groupOfKey: (key) => ({ orderId: key.orderId }),
  amounts: (line) => (line.status === 'cancelled' ? null : { lines: 1, quantity: line.quantity }),
});

/** Every removed line, with its last image. */
export const archiveProjection = archive({
  name: 'lineArchive',
  table: benchTables.archive,
  item,
  keys,
  viewType,
});

/** The projections the batch throughput and cold-start handlers run (as issue 7 asks: history and count). */
export const handlerProjections: readonly Projection[] = [
  historyProjection,
  linesPerOrderProjection,
];

/** All three built-ins, as the replay runs them. */
export const allProjections: readonly Projection[] = [
  historyProjection,
  linesPerOrderProjection,
  archiveProjection,
];

/** The tables above, for `createProjectionTables`, under `prefix`. */
export const benchTableSpecs = (prefix: string): TableSpec[] => [
  tableSpec(`${prefix}${benchTables.history}`, 'orderId', 'change'),
  tableSpec(`${prefix}${benchTables.linesPerOrder}`, 'orderId'),
  markerTableSpec(`${prefix}${benchTables.markers}`),
  tableSpec(`${prefix}${benchTables.linesPerOrderInRows}`, 'orderId'),
  tableSpec(`${prefix}${benchTables.archive}`, 'orderId', 'lineId'),
];
