import type { SourceTable } from '@sluice/example-deploy';
import { type TableSpec, tableSpec } from '@sluice/projections/dynamodb';

/** The source: order lines keyed by order id and line id; the history needs both images. */
export const ordersTable: SourceTable = {
  ...tableSpec('orders', 'orderId', 'lineId'),
  streamViewType: 'NEW_AND_OLD_IMAGES',
};

/** Order History API: one row per change, sorted by sequence number within the order. */
export const orderHistoryTable = tableSpec('orderHistory', 'orderId', 'change');

/** One row per order: line count, quantity and amount, and each line's marker (`sluice#…`). */
export const orderTotalsTable = tableSpec('orderTotals', 'orderId');

/** Every table the orders projections write. */
export const orderProjectionTables: readonly TableSpec[] = [orderHistoryTable, orderTotalsTable];
