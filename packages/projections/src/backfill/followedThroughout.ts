import * as E from 'fp-ts/lib/Either.js';
import type { CheckpointFailed } from './backfillEvents.js';
import type { ScanSettings } from './backfillOptions.js';
import type { SegmentCheckpoint } from './segmentCheckpoints.js';

/**
 * Whether a live stream has applied every change since a backfill's first page, from this run's
 * follower and the checkpoints earlier runs saved. A fresh scan needs a follower; a resumed one
 * needs every earlier run followed and a consumer that kept its positions: one whose positions
 * were fixed now starts after changes made between the runs, which nobody may have applied.
 */
export const followedThroughout = (
  followedBy: ScanSettings['followedBy'],
  saved: readonly SegmentCheckpoint[],
): boolean =>
  followedBy !== 'none' &&
  (saved.length === 0 || (followedBy === 'resumed' && saved.every((c) => c.followed === true)));

/**
 * Marks the saved checkpoints as not followed: once a gap is possible it stays possible, so a
 * later run with a resumed consumer must not read "followed" from them.
 */
export const forgetFollowed = async (
  settings: ScanSettings,
  backfillId: string,
  saved: readonly SegmentCheckpoint[],
): Promise<E.Either<CheckpointFailed, void>> => {
  for (const checkpoint of saved.filter((c) => c.followed === true)) {
    const written = await settings.checkpoints.save(backfillId, { ...checkpoint, followed: false });
    if (E.isLeft(written))
      return E.left({
        _tag: 'CheckpointFailed',
        cause: written.left,
        message: `segment ${checkpoint.segment}: checkpoint not saved: ${written.left.message}`,
      });
  }
  return E.right(undefined);
};
