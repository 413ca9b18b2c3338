import { eventSourceMappingOf, samTemplate, type Template } from '@sluice/example-deploy';
import { orderProjections } from '../orderProjections.js';
import { orderHistoryTable, orderProjectionTables, ordersTable } from '../orderTables.js';

/** The event source mapping the handler expects: Sluice's settings, the projections' `FilterCriteria`. */
export const ordersEventSourceMapping = () => eventSourceMappingOf(orderProjections);

/** The SAM template of the orders example: the `orders` table and its stream, order history and per-order totals, the function and its mapping. */
export const ordersTemplate = (): Template =>
  samTemplate({
    example: 'orders',
    summary: 'order history and per-order totals from the orders stream.',
    source: ordersTable,
    projections: orderProjections,
    tables: orderProjectionTables,
    mainTable: orderHistoryTable,
  });
