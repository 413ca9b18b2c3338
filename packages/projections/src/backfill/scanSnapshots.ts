import * as E from 'fp-ts/lib/Either.js';
import type { Projection } from '../projection/projection.js';
import type { BackfillSummary, ScanFailure } from './backfillEvents.js';
import {
  defaultBackfillId,
  type ScanSettings,
  type ScanSnapshotsOptions,
  scanSettings,
} from './backfillOptions.js';
import { followedThroughout, forgetFollowed } from './followedThroughout.js';
import { resolveRate } from './rateLimit.js';
import { type ScanRun, scanSegment } from './scanSegment.js';
import type { SegmentCheckpoint } from './segmentCheckpoints.js';
import { snapshotProjection } from './snapshotTarget.js';
import { TokenBucket } from './tokenBucket.js';

const startOf = (segment: number, totalSegments: number): SegmentCheckpoint => ({
  segment,
  totalSegments,
  through: undefined,
  complete: false,
  scanned: 0,
});

// The segment checkpoints of an earlier run with this id, refused if it split the table otherwise.
const loadCheckpoints = async (
  settings: ScanSettings,
  backfillId: string,
): Promise<E.Either<ScanFailure, readonly SegmentCheckpoint[]>> => {
  const segments = settings.segments;
  const loaded = await settings.checkpoints.load(backfillId);
  if (E.isLeft(loaded))
    return E.left({
      _tag: 'CheckpointFailed',
      cause: loaded.left,
      message: `checkpoints of ${backfillId} not read: ${loaded.left.message}`,
    });
  const mismatch = loaded.right.find((c) => c.totalSegments !== segments);
  if (mismatch !== undefined)
    return E.left({
      _tag: 'SegmentMismatch',
      backfillId,
      stored: mismatch.totalSegments,
      requested: segments,
      message:
        `backfill ${backfillId} was started with ${mismatch.totalSegments} segments: resume it ` +
        `with ${mismatch.totalSegments}, or start over under another backfill id`,
    });
  return loaded;
};

/**
 * The scan half of a backfill: reads the source table with a parallel scan (resuming from the
 * segment checkpoints of an earlier run with the same id) and runs every item through the
 * projections as a snapshot: a synthetic INSERT with sequence number zero, which any real change
 * of the item wins over. The live stream's consumer must already be running; see `backfill`.
 */
export const scanSnapshots = async (
  options: ScanSnapshotsOptions,
): Promise<E.Either<ScanFailure, BackfillSummary>> => {
  const settings = scanSettings(options);
  const { clock, targets, segments } = settings;
  const startedAt = clock.now();
  const described = await settings.source.describe();
  if (E.isLeft(described)) return described;
  const source = described.right;
  const rate = resolveRate(settings.rate, source);
  if (E.isLeft(rate)) return rate;
  const backfillId = settings.backfillId ?? defaultBackfillId(source.tableName, targets);

  const loaded = await loadCheckpoints(settings, backfillId);
  if (E.isLeft(loaded)) return loaded;
  const followed = followedThroughout(settings.followedBy, loaded.right);
  if (!followed) {
    const forgotten = await forgetFollowed(settings, backfillId, loaded.right);
    if (E.isLeft(forgotten)) return forgotten;
  }
  const saved = new Map(loaded.right.map((c) => [c.segment, c]));
  const from = Array.from({ length: segments }, (_, s) => saved.get(s) ?? startOf(s, segments));
  const alreadyScanned = from.reduce((sum, c) => sum + c.scanned, 0);

  const run: ScanRun = {
    settings,
    backfillId,
    source,
    projections: targets.map((target) => snapshotProjection(target)) as Projection[],
    bucket: rate.right && new TokenBucket(rate.right.perSecond, clock),
    unit: rate.right?.unit ?? 'readUnits',
    scanned: alreadyScanned,
    scannedNow: 0,
    pages: 0,
    readUnits: 0,
    written: 0,
    unchanged: 0,
    poison: 0,
    failure: undefined,
    followed,
  };
  settings.emit({
    _tag: 'ScanStarted',
    backfillId,
    tableName: source.tableName,
    totalSegments: segments,
    approximateItemCount: source.approximateItemCount,
    finishedSegments: from.filter((c) => c.complete).length,
    alreadyScanned,
  });
  const finished = await Promise.all(from.map((checkpoint) => scanSegment(run, checkpoint)));
  if (run.failure !== undefined) return E.left(run.failure);
  const complete = finished.every(Boolean);
  settings.emit({ _tag: 'ScanFinished', complete, scanned: run.scanned });
  return E.right({
    backfillId,
    tableName: source.tableName,
    complete,
    totalSegments: segments,
    scanned: run.scannedNow,
    alreadyScanned,
    pages: run.pages,
    readUnits: run.readUnits,
    written: run.written,
    unchanged: run.unchanged,
    poison: run.poison,
    elapsedMs: clock.now() - startedAt,
    followed,
  });
};
