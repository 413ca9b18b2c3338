import * as E from 'fp-ts/lib/Either.js';
import type { StoreError } from '../store/storeError.js';
import type { ActiveVersions } from './activeVersions.js';
import { type VersionedTableName, versionedTable } from './versionedProjection.js';

/** No version of the projection is active yet: nothing to read. */
export interface NoActiveVersion {
  readonly _tag: 'NoActiveVersion';
  readonly projection: string;
  readonly message: string;
}

/**
 * The physical table readers should query for a projection's table: the active version's
 * (`TaskCounts` → `TaskCounts-v2`). Readers resolve it per request (or cache it briefly): until a
 * rebuild switches the pointer they keep reading the old version, then the new one.
 */
export const activeTable = async (
  versions: ActiveVersions,
  projection: string,
  table: string,
  tableName: VersionedTableName = versionedTable,
): Promise<E.Either<StoreError | NoActiveVersion, string>> => {
  const active = await versions.get(projection);
  if (E.isLeft(active)) return active;
  if (active.right === undefined)
    return E.left({
      _tag: 'NoActiveVersion',
      projection,
      message: `no version of projection ${projection} is active yet`,
    });
  return E.right(tableName(table, active.right));
};
