import type * as E from 'fp-ts/lib/Either.js';
import type { Checkpoint, Checkpointer } from '../checkpoint/checkpoint.js';
import type { StoreError } from '../store/storeError.js';
import type { ScannedItem } from './scanSource.js';

/**
 * How far one segment of a backfill's parallel scan has got: `through` is the key of the last
 * item applied (the scan's `LastEvaluatedKey`, where the next page starts; `undefined` and not
 * `complete`: at the segment's start), `complete` once every page of the segment is applied.
 */
export interface SegmentCheckpoint extends Checkpoint<ScannedItem> {
  readonly segment: number;
  readonly totalSegments: number;
  /** Items read and applied in this segment so far. */
  readonly scanned: number;
  /**
   * A live stream has applied every change since this backfill's first page, in every run up to
   * this save (absent: not known, e.g. saved by an older version; counts as `false`).
   */
  readonly followed?: boolean;
}

/**
 * Where a backfill keeps its per-segment checkpoints, one per (backfill id, segment). A segment's
 * checkpoint is saved only after its page's writes are applied, so a killed backfill resumes by
 * re-reading at most the page each segment had in hand.
 */
export interface SegmentCheckpointStore {
  /** Every checkpoint of a backfill (none: it never ran). */
  load(backfillId: string): Promise<E.Either<StoreError, readonly SegmentCheckpoint[]>>;
  /** Records one segment's progress, replacing what was there. */
  save(backfillId: string, checkpoint: SegmentCheckpoint): Promise<E.Either<StoreError, void>>;
}

/** A backfill keeps each segment's checkpoint in its segment store, under the backfill's id. */
export const segmentCheckpointer = (
  store: SegmentCheckpointStore,
  backfillId: string,
): Checkpointer<SegmentCheckpoint, Promise<E.Either<StoreError, void>>> => ({
  store: (checkpoint) => store.save(backfillId, checkpoint),
});
