export type { SourceTable } from '@sluice/example-deploy';
export { type HistoryQueryFailed, type OrderChange, orderHistoryOf } from './orderHistoryApi.js';
export {
  type OrderLine,
  OrderLineCodec,
  type OrderLineKey,
  OrderLineKeyCodec,
  OrderLineStatusCodec,
} from './orderLine.js';
export {
  orderHistoryProjection,
  orderProjections,
  orderTotalsProjection,
} from './orderProjections.js';
export {
  type OrdersHandlerDeps,
  ordersHandler,
} from './ordersHandler.js';
export {
  orderHistoryTable,
  orderProjectionTables,
  ordersTable,
  orderTotalsTable,
} from './orderTables.js';
export {
  orderEffectsTable,
  type ShippedEmail,
  shippedEmails,
} from './shippedEmail/shippedEmails.js';
