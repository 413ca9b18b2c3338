import { systemClock } from '@sluice/core';
import * as E from 'fp-ts/lib/Either.js';
import { checkUniqueNames } from '../projection/uniqueNames.js';
import type { BackfillSummary, ScanFailure } from './backfillEvents.js';
import type { ScanSnapshotsOptions } from './backfillOptions.js';
import type { LiveStream, LiveStreamFailed } from './liveStream.js';
import { scanSnapshots } from './scanSnapshots.js';
import { targetOf } from './snapshotTarget.js';

/** A backfill: the scan, and the live stream it hands over to. */
export interface BackfillOptions extends ScanSnapshotsOptions {
  /**
   * The consumer of the table's stream for the same projections and store. Started before the
   * scan; once the scan is complete, the backfill waits until it has caught up. Leave it out only
   * when a consumer (e.g. a Lambda event source mapping) was running before the backfill began.
   */
  readonly live?: LiveStream;
  /** How long to wait for the live stream to catch up (default: the live stream's own). */
  readonly catchUpTimeoutMs?: number;
}

/** What a backfill did, and whether its projections provably hold every change. */
export interface BackfillResult extends BackfillSummary {
  /**
   * The scan is complete, a live stream followed the backfill from before its first page (over
   * every run), and it has applied every change up to the scan's end.
   */
  readonly caughtUp: boolean;
  /**
   * A live stream ran, but not since the backfill's first page: it was started after an earlier
   * run (a new lease table, a run without one, or a version that stored a moving LATEST), so
   * changes made between the runs may be missing. Start over under another backfill id.
   */
  readonly gap: boolean;
}

/** Why a backfill stopped. */
export type BackfillFailure = ScanFailure | LiveStreamFailed;

/**
 * Builds projections for a table that already has data, with no gap and no double count:
 *
 * 1. start the live stream's consumer (its position is fixed and stored before the first item
 *    is read, so a stopped run resumes it instead of starting anew at a later position);
 * 2. scan the table and feed each item as a snapshot (sequence number zero) to the same store;
 * 3. wait until the consumer has caught up with the end of the scan.
 *
 * An item read at time t reflects every change before t; each of those is either older than the
 * consumer's start (only the snapshot carries it) or applied by the consumer too. Each change
 * after t is applied by the consumer. State-based writes keep the higher sequence number, and a
 * snapshot's zero loses to any change: the result is the item's latest change, whatever order
 * snapshots and changes land in. Resumable: a second run with the same id continues the scan.
 */
export const backfill = async (
  options: BackfillOptions,
): Promise<E.Either<BackfillFailure, BackfillResult>> => {
  const { live } = options;
  checkUniqueNames(
    options.projections.map((target) => targetOf(target).projection),
    'backfill',
  );
  const clock = options.clock ?? systemClock;
  const emit: NonNullable<BackfillOptions['onEvent']> = (event) => {
    try {
      options.onEvent?.(event);
    } catch {
      // A progress display's bug must not stop the backfill.
    }
  };
  let followedBy = options.followedBy;
  if (live !== undefined) {
    const started = await live.start();
    if (E.isLeft(started)) return started;
    followedBy = started.right?.resumed === true ? 'resumed' : 'fixedNow';
  }
  const scanned = await scanSnapshots({ ...options, followedBy });
  if (E.isLeft(scanned)) return scanned;
  const gap = live !== undefined && !scanned.right.followed;
  if (live === undefined || !scanned.right.complete)
    return E.right({ ...scanned.right, caughtUp: false, gap });
  const since = clock.now();
  emit({ _tag: 'CatchingUp', since });
  const caughtUp = await live.caughtUp(options.catchUpTimeoutMs);
  if (E.isLeft(caughtUp)) return caughtUp;
  emit({ _tag: 'CaughtUp', waitedMs: clock.now() - since });
  // Caught up with the scan's end proves nothing about changes made before the consumer began.
  return E.right({ ...scanned.right, caughtUp: !gap, gap });
};
