import type { RowKey } from './row.js';
import { rowId } from './rowId.js';

/**
 * The tombstone id of a row of `table` as deleted by `source` (or by any writer, without one):
 * the row's identity, then the source length-prefixed, so no two pairs share an id.
 */
export const tombstoneIdOf = (table: string, key: RowKey, source: string | undefined): string =>
  source === undefined ? rowId(table, key) : `${rowId(table, key)}|${source.length}:${source}`;
