import * as E from 'fp-ts/lib/Either.js';
import type { Projection } from '../projection/projection.js';
import { applyPage } from './applyPage.js';
import type { ScanFailure } from './backfillEvents.js';
import type { ScanSettings } from './backfillOptions.js';
import type { SourceDescription } from './scanSource.js';
import { type SegmentCheckpoint, segmentCheckpointer } from './segmentCheckpoints.js';
import { snapshotRecord } from './snapshotRecord.js';
import type { TokenBucket } from './tokenBucket.js';

/** What the segments of one scan share: totals, and whether to stop. */
export interface ScanRun {
  readonly settings: ScanSettings;
  readonly backfillId: string;
  readonly source: SourceDescription;
  readonly projections: readonly Projection[];
  readonly bucket: TokenBucket | undefined;
  readonly unit: 'readUnits' | 'items';
  /** Items applied by earlier runs plus this one. */
  scanned: number;
  /** Items applied by this run. */
  scannedNow: number;
  pages: number;
  readUnits: number;
  written: number;
  unchanged: number;
  poison: number;
  failure: ScanFailure | undefined;
  /** Saved with every checkpoint: see `SegmentCheckpoint.followed`. */
  readonly followed: boolean;
}

const stopping = (run: ScanRun): boolean =>
  run.failure !== undefined || run.settings.signal?.aborted === true;

/**
 * Reads one segment page by page from its checkpoint: wait for the rate limit, read a page, apply
 * its snapshots, then save the checkpoint, so a kill re-reads at most the page in hand. Stops
 * early when the run is stopping (its signal, or another segment's failure).
 */
/** Resolves with whether the segment is read to its end. */
export const scanSegment = async (run: ScanRun, from: SegmentCheckpoint): Promise<boolean> => {
  const { settings, source, bucket } = run;
  const { segment, totalSegments } = from;
  let position = from;
  while (!position.complete && !stopping(run)) {
    if (bucket !== undefined) {
      const waitedMs = await bucket.ready(settings.signal);
      if (waitedMs > 0) settings.emit({ _tag: 'RateLimited', segment, waitedMs });
      if (stopping(run)) return false;
    }
    const readAt = new Date(settings.clock.now());
    const page = await settings.source.readPage({
      segment,
      totalSegments,
      exclusiveStartKey: position.through,
      limit: settings.pageSize,
    });
    if (E.isLeft(page)) {
      run.failure ??= page.left;
      return false;
    }
    const { items, lastEvaluatedKey, readUnits } = page.right;
    bucket?.spend(run.unit === 'items' ? items.length : readUnits);
    const records = items.map((item) => snapshotRecord(item, source, readAt));
    const applied = await applyPage(settings, run.projections, source.streamArn, segment, records);
    if (E.isLeft(applied)) {
      run.failure ??= applied.left;
      return false;
    }
    const next: SegmentCheckpoint = {
      segment,
      totalSegments,
      through: lastEvaluatedKey,
      complete: lastEvaluatedKey === undefined,
      scanned: position.scanned + items.length,
      followed: run.followed,
    };
    const saved = await segmentCheckpointer(settings.checkpoints, run.backfillId).store(next);
    if (E.isLeft(saved)) {
      run.failure ??= {
        _tag: 'CheckpointFailed',
        cause: saved.left,
        message: `segment ${segment}: checkpoint not saved: ${saved.left.message}`,
      };
      return false;
    }
    position = next;
    run.scanned += items.length;
    run.scannedNow += items.length;
    run.pages += 1;
    run.readUnits += readUnits;
    run.written += applied.right.written;
    run.unchanged += applied.right.unchanged;
    run.poison += applied.right.poison;
    settings.emit({
      _tag: 'PageApplied',
      segment,
      items: items.length,
      readUnits,
      scanned: run.scanned,
    });
  }
  if (position.complete && !from.complete)
    settings.emit({ _tag: 'SegmentFinished', segment, scanned: position.scanned });
  return position.complete;
};
