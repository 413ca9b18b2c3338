import type { TableSpec } from '@sluice/projections';

/** The environment variable holding a table's deployed name: `orderHistory` → `ORDER_HISTORY_TABLE`. */
export const tableVariable = (table: Pick<TableSpec, 'tableName'>): string =>
  `${table.tableName.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_TABLE`;
