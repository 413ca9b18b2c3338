import type { SourceTable } from '@sluice/example-deploy';
import { markerTableSpec, type TableSpec, tableSpec } from '@sluice/projections/dynamodb';

/** The source: order lines keyed by order id and line id; the history needs both images. */
export const ordersTable: SourceTable = {
  ...tableSpec('orders', 'orderId', 'lineId'),
  streamViewType: 'NEW_AND_OLD_IMAGES',
};

/** Order History API: one row per change, sorted by sequence number within the order. */
export const orderHistoryTable = tableSpec('orderHistory', 'orderId', 'change');

/** One row per order: line count, quantity and amount. */
export const orderTotalsTable = tableSpec('orderTotals', 'orderId');

/** What each order line currently adds to its order's totals (the aggregate's idempotency). */
export const orderTotalsMarkersTable = markerTableSpec('orderTotalsMarkers');

/** Every table the orders projections write. */
export const orderProjectionTables: readonly TableSpec[] = [
  orderHistoryTable,
  orderTotalsTable,
  orderTotalsMarkersTable,
];
