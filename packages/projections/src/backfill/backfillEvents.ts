import type { BatchFailure } from '../batch/batchResult.js';
import type { StoreError } from '../store/storeError.js';
import type { InvalidRateLimit } from './rateLimit.js';
import type { ScanFailed } from './scanSource.js';

/** Something a backfill did, for a progress display or logs (`onEvent`). */
export type BackfillEvent =
  | {
      readonly _tag: 'ScanStarted';
      readonly backfillId: string;
      readonly tableName: string;
      readonly totalSegments: number;
      /** DynamoDB's approximate item count, for a progress bar's total. */
      readonly approximateItemCount: number | undefined;
      /** Segments already finished by an earlier run of this backfill. */
      readonly finishedSegments: number;
      /** Items an earlier run of this backfill already applied. */
      readonly alreadyScanned: number;
    }
  | {
      readonly _tag: 'PageApplied';
      readonly segment: number;
      readonly items: number;
      readonly readUnits: number;
      /** Items applied by this backfill so far, earlier runs included. */
      readonly scanned: number;
    }
  | { readonly _tag: 'SegmentFinished'; readonly segment: number; readonly scanned: number }
  | { readonly _tag: 'RateLimited'; readonly segment: number; readonly waitedMs: number }
  | {
      readonly _tag: 'PageRetried';
      readonly segment: number;
      readonly message: string;
      readonly retryInMs: number;
    }
  | { readonly _tag: 'ScanFinished'; readonly complete: boolean; readonly scanned: number }
  | { readonly _tag: 'CatchingUp'; readonly since: number }
  | { readonly _tag: 'CaughtUp'; readonly waitedMs: number };

/** What a backfill run did. */
export interface BackfillSummary {
  readonly backfillId: string;
  readonly tableName: string;
  /** Every segment is read to its end (false: stopped by its signal; run it again to resume). */
  readonly complete: boolean;
  readonly totalSegments: number;
  /** Items applied by this run. */
  readonly scanned: number;
  /** Items applied by earlier runs of this backfill (its checkpoints). */
  readonly alreadyScanned: number;
  readonly pages: number;
  readonly readUnits: number;
  /** Writes with an effect, and writes that changed nothing (a real change had won already). */
  readonly written: number;
  readonly unchanged: number;
  /** Items sent to the dead-letter sink. */
  readonly poison: number;
  readonly elapsedMs: number;
  /**
   * A live stream applied every change since the backfill's first page, over every run (see
   * `followedBy`); `false` when a run scanned with none, or one started after an earlier run's.
   */
  readonly followed: boolean;
}

/** A resumed backfill was asked for another number of segments than its checkpoints hold. */
export interface SegmentMismatch {
  readonly _tag: 'SegmentMismatch';
  readonly backfillId: string;
  readonly stored: number;
  readonly requested: number;
  readonly message: string;
}

/** A page could not be applied: the store failed past its retries, or a poison item blocks. */
export interface PageFailed {
  readonly _tag: 'PageFailed';
  readonly segment: number;
  readonly cause: BatchFailure;
  readonly message: string;
}

/** The segment checkpoints could not be read or written. */
export interface CheckpointFailed {
  readonly _tag: 'CheckpointFailed';
  readonly cause: StoreError;
  readonly message: string;
}

/** Why a backfill's scan stopped before it was complete. */
export type ScanFailure =
  | ScanFailed
  | InvalidRateLimit
  | SegmentMismatch
  | PageFailed
  | CheckpointFailed;
