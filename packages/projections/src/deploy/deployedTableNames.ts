import type { TableSpec } from '../dynamodb/tables/tableSpec.js';
import { tableVariable } from './tableVariable.js';

/**
 * Maps the tables' names in the projections to their deployed names, read from the environment
 * the stack gives the function. A missing variable is a deployment mistake: fail at cold start
 * rather than write elsewhere.
 */
export const deployedTableNames = (
  tables: readonly TableSpec[],
  env: Readonly<Record<string, string | undefined>>,
): ((table: string) => string) => {
  const names = new Map<string, string>();
  for (const table of tables) {
    const name = env[tableVariable(table)];
    if (name === undefined || name === '')
      throw new Error(
        `${tableVariable(table)} is not set (the deployed name of ${table.tableName})`,
      );
    names.set(table.tableName, name);
  }
  return (table) => {
    const name = names.get(table);
    if (name === undefined) throw new Error(`no deployed table for ${table}`);
    return name;
  };
};
