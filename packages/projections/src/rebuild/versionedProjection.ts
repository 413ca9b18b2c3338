import type { StreamViewType } from '@sluice/core';
import type { Write } from '../plan/write.js';
import type { Projection } from '../projection/projection.js';

/** How a version's physical table is named: `<table>-v<version>` by default. */
export type VersionedTableName = (table: string, version: number) => string;

/** The default physical name of a projection table at one version: `TaskCounts-v2`. */
export const versionedTable: VersionedTableName = (table, version) => `${table}-v${version}`;

/** A write sent to other tables (the marker and tombstone tables too), otherwise unchanged. */
export const renameWrite = (write: Write, rename: (table: string) => string): Write => {
  if (write._tag === 'Contribute')
    return { ...write, table: rename(write.table), markerTable: rename(write.markerTable) };
  if (write._tag !== 'PutRow' && write.tombstones !== undefined)
    return { ...write, table: rename(write.table), tombstones: rename(write.tombstones) };
  return { ...write, table: rename(write.table) };
};

/**
 * The projection writing its version's own tables (blue/green): the same plan, every write
 * (markers included) sent to `tableName(table, projection.version)`, and the tables it names
 * renamed alike. Two versions then run side by side on one store and one stream, and neither
 * sees the other's rows or markers.
 */
export const versionedProjection = <T, V extends StreamViewType, K>(
  projection: Projection<T, V, K>,
  tableName: VersionedTableName = versionedTable,
): Projection<T, V, K> => {
  const { version } = projection;
  const rename = (table: string) => tableName(table, version);
  return {
    ...projection,
    ...(projection.tables === undefined ? {} : { tables: projection.tables.map(rename) }),
    plan: (event) => projection.plan(event).map((write) => renameWrite(write, rename)),
  };
};
