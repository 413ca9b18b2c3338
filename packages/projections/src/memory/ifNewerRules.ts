import type { RowKey } from '../plan/row.js';
import { tombstoneIdOf } from '../plan/tombstoneId.js';
import {
  type DeleteIfNewer,
  type PutIfNewer,
  SOURCE_ATTRIBUTE,
  type TombstoneRow,
} from '../plan/write.js';
import type { StoredRow, TableData } from './tableData.js';

// The rules of `PutIfNewer` and `DeleteIfNewer` (see plan/write.ts), as the DynamoDB store's
// conditions state them, so that both stores leave identical rows.

const tombstoneKey = (table: string, key: RowKey, source: string | undefined): RowKey => ({
  tombstoneId: tombstoneIdOf(table, key, source),
});

/** Whether `stored` may be replaced or deleted by a write of `version` from `source`. */
const supersedes = (
  stored: StoredRow,
  versionAttribute: string,
  version: string,
  source: string | undefined,
): boolean =>
  (source === undefined || stored[SOURCE_ATTRIBUTE] === source) &&
  String(stored[versionAttribute]) < version;

/** Whether the put lands: no equal-or-newer tombstone, and no row or an older one it may replace. */
export const putLands = (data: TableData, write: PutIfNewer): boolean => {
  const version = String(write.row[write.versionAttribute]);
  if (write.tombstones !== undefined) {
    const tombstone = data.get(
      write.tombstones,
      tombstoneKey(write.table, write.key, write.source),
    );
    if (tombstone !== undefined && !(String(tombstone.version) < version)) return false;
  }
  const stored = data.get(write.table, write.key);
  return stored === undefined || supersedes(stored, write.versionAttribute, version, write.source);
};

/** The row a landing put stores: the planned row, owned by its source item when it names one. */
export const rowToPut = (write: PutIfNewer): StoredRow =>
  write.source === undefined
    ? (write.row as StoredRow)
    : { ...write.row, [SOURCE_ATTRIBUTE]: write.source };

/** The tombstone a delete records, if the stored one (if any) is older; else `undefined`. */
export const tombstoneToPut = (data: TableData, write: DeleteIfNewer): StoredRow | undefined => {
  const key = tombstoneKey(write.table, write.key, write.source);
  const stored = data.get(write.tombstones, key);
  if (stored !== undefined && !(String(stored.version) < write.version)) return undefined;
  const tombstone: TombstoneRow = {
    tombstoneId: key.tombstoneId as string,
    version: write.version,
    expiresAt: write.expiresAt,
  };
  return { ...tombstone };
};

/** Whether the delete removes the stored row (older, and owned by the write's source if named). */
export const rowGoes = (data: TableData, write: DeleteIfNewer): boolean => {
  const stored = data.get(write.table, write.key);
  return (
    stored !== undefined && supersedes(stored, write.versionAttribute, write.version, write.source)
  );
};
