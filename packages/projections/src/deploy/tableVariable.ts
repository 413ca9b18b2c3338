import type { TableSpec } from '../dynamodb/tables/tableSpec.js';

/** The environment variable holding a table's deployed name: `orderHistory` → `ORDER_HISTORY_TABLE`. */
export const tableVariable = (table: Pick<TableSpec, 'tableName'>): string =>
  `${table.tableName.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_TABLE`;
