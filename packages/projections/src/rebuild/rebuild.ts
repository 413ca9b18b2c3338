import * as E from 'fp-ts/lib/Either.js';
import {
  type BackfillFailure,
  type BackfillOptions,
  type BackfillResult,
  backfill,
} from '../backfill/backfill.js';
import type { LiveStream } from '../backfill/liveStream.js';
import type { SnapshotPlan } from '../backfill/snapshotTarget.js';
import type { Projection } from '../projection/projection.js';
import type { StoreError } from '../store/storeError.js';
import type { ActiveVersions, VersionConflict } from './activeVersions.js';
import {
  renameWrite,
  type VersionedTableName,
  versionedProjection,
  versionedTable,
} from './versionedProjection.js';

/** A rebuild: the projection at its new version, where the active version is kept, and how to follow the stream. */
export interface RebuildOptions extends Omit<BackfillOptions, 'projections' | 'live'> {
  /** The projection as defined in code (logical table names); its `version` is the one to build. */
  // biome-ignore lint/suspicious/noExplicitAny: a projection of any item, view and key type.
  readonly projection: Projection<any, any, any>;
  /** Snapshot plan, written against the logical tables like the projection (see `BackfillTarget`). */
  readonly snapshot?: SnapshotPlan;
  readonly versions: ActiveVersions;
  /**
   * The live consumer of the new version, given the versioned projection it must run (a poller
   * with a lease table of its own, or a Lambda deployed with it before the rebuild starts).
   */
  readonly live: (projection: Projection) => LiveStream;
  /** Physical table names per version (default `<table>-v<version>`). */
  readonly tableName?: VersionedTableName;
}

/** What a rebuild did. */
export type RebuildResult =
  /** The projection's version is already active: nothing to build. */
  | { readonly _tag: 'UpToDate'; readonly version: number }
  /** Built, caught up, and readers switched from `from` to `to`. */
  | {
      readonly _tag: 'Switched';
      readonly from: number | undefined;
      readonly to: number;
      readonly backfill: BackfillResult;
    }
  /** Stopped by its signal before the scan was complete: readers stay on `active`; run again to resume. */
  | {
      readonly _tag: 'Incomplete';
      readonly active: number | undefined;
      readonly backfill: BackfillResult;
    };

/** The active version is newer than the one asked for: a rebuild never moves readers back. */
export interface NewerVersionActive {
  readonly _tag: 'NewerVersionActive';
  readonly projection: string;
  readonly active: number;
  readonly requested: number;
  readonly message: string;
}

/** Why a rebuild stopped without switching. */
export type RebuildFailure = BackfillFailure | StoreError | VersionConflict | NewerVersionActive;

/**
 * Blue/green rebuild of a projection whose `version` changed: builds the new version into tables
 * of its own (a backfill: live stream first, a scan of snapshots, catch-up), while readers keep
 * using the active version, whose consumer keeps running; then switches the pointer with a
 * compare-and-set. Afterwards stop the old version's consumer and drop its tables when convenient.
 */
export const rebuild = async (
  options: RebuildOptions,
): Promise<E.Either<RebuildFailure, RebuildResult>> => {
  const { projection, snapshot, versions, live } = options;
  const { name, version } = projection;
  const tableName = options.tableName ?? versionedTable;
  const active = await versions.get(name);
  if (E.isLeft(active)) return active;
  const from = active.right;
  if (from === version) return E.right({ _tag: 'UpToDate', version });
  if (from !== undefined && from > version)
    return E.left({
      _tag: 'NewerVersionActive',
      projection: name,
      active: from,
      requested: version,
      message: `projection ${name}: version ${from} is active, refusing to rebuild older version ${version}`,
    });

  const versioned = versionedProjection(projection, tableName);
  const rename = (table: string) => tableName(table, version);
  const built = await backfill({
    ...options,
    projections: [
      {
        projection: versioned,
        ...(snapshot === undefined
          ? {}
          : { snapshot: (event) => snapshot(event).map((write) => renameWrite(write, rename)) }),
      },
    ],
    live: live(versioned),
  });
  if (E.isLeft(built)) return built;
  if (!built.right.complete || !built.right.caughtUp)
    return E.right({ _tag: 'Incomplete', active: from, backfill: built.right });
  const switched = await versions.activate(name, version, from);
  if (E.isLeft(switched)) return switched;
  return E.right({ _tag: 'Switched', from, to: version, backfill: built.right });
};
