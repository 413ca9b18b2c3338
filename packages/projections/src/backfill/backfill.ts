import * as E from 'fp-ts/lib/Either.js';
import { systemClock } from '../poller/pollerClock.js';
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

/** What a backfill did; `caughtUp` once the live stream had applied every change up to the scan's end. */
export interface BackfillResult extends BackfillSummary {
  readonly caughtUp: boolean;
}

/** Why a backfill stopped. */
export type BackfillFailure = ScanFailure | LiveStreamFailed;

/**
 * Builds projections for a table that already has data, with no gap and no double count:
 *
 * 1. start the live stream's consumer (its position is fixed before the first item is read);
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
  if (live !== undefined) {
    const started = await live.start();
    if (E.isLeft(started)) return started;
  }
  const scanned = await scanSnapshots(options);
  if (E.isLeft(scanned)) return scanned;
  if (live === undefined || !scanned.right.complete)
    return E.right({ ...scanned.right, caughtUp: false });
  const since = clock.now();
  emit({ _tag: 'CatchingUp', since });
  const caughtUp = await live.caughtUp(options.catchUpTimeoutMs);
  if (E.isLeft(caughtUp)) return caughtUp;
  emit({ _tag: 'CaughtUp', waitedMs: clock.now() - since });
  return E.right({ ...scanned.right, caughtUp: true });
};
