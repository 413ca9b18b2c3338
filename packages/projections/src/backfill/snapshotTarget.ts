import type { StreamViewType } from '@sluice/core';
import type { AdmittedEvent } from '../batch/readRecord.js';
import type { Write } from '../plan/write.js';
import type { Projection } from '../projection/projection.js';

/**
 * The writes one snapshot asks for, in place of the projection's own plan. The event is an INSERT
 * whose `sequenceNumber` is `SNAPSHOT_SEQUENCE_NUMBER` and whose `eventId` names the item.
 */
export type SnapshotPlan = (event: AdmittedEvent) => readonly Write[];

/** A projection to backfill, with how its snapshots are planned. */
export interface BackfillTarget {
  // biome-ignore lint/suspicious/noExplicitAny: projections of any item, view and key type share a list.
  readonly projection: Projection<any, any, any>;
  /** Default: the projection's own plan, without its `PutRow`s (see `snapshotProjection`). */
  readonly snapshot?: SnapshotPlan;
}

/** A projection, or a projection with a snapshot plan. */
// biome-ignore lint/suspicious/noExplicitAny: as above.
export type Backfilled = Projection<any, any, any> | BackfillTarget;

/** The target form of either. */
export const targetOf = (backfilled: Backfilled): BackfillTarget =>
  'projection' in backfilled ? backfilled : { projection: backfilled };

const notPutRow = (write: Write): boolean => write._tag !== 'PutRow';

/**
 * The projection as snapshots see it. By default it plans a snapshot as the INSERT it looks like,
 * keeping the state-based writes (`Contribute`, `PutIfNewer`: the snapshot's zero sequence number
 * makes every real change win over it) and dropping `PutRow`s: a `PutRow` is one row per change,
 * keyed by the change's sequence number, and a snapshot is no change (every snapshot of an entity
 * would share key zero). A `snapshot` plan (e.g. `historySnapshot`) replaces that default.
 */
export const snapshotProjection = <T, V extends StreamViewType, K>(
  target: BackfillTarget,
): Projection<T, V, K> => {
  const { projection, snapshot } = target;
  const plan: SnapshotPlan = snapshot ?? ((event) => projection.plan(event).filter(notPutRow));
  return { ...projection, plan } as Projection<T, V, K>;
};
