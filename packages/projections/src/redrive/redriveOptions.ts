import type { InexactNumbers } from '@sluice/core';
import type { DeadLetterTable } from '../deadLetter/deadLetterTable.js';
import type { Projection } from '../projection/projection.js';
import type { ProjectionStore } from '../store/projectionStore.js';

/** What `redrive` takes. */
export interface RedriveOptions {
  /** The projections as deployed now (fixed codecs): each redrives its own letters. */
  readonly projections: readonly Projection[];
  readonly store: ProjectionStore;
  readonly letters: DeadLetterTable;
  /** Also redrive letters of records no projection could read (`*`), through every projection (default true). */
  readonly unreadable?: boolean;
  /** Decode and plan only: nothing is written, no letter is removed. */
  readonly dryRun?: boolean;
  /** Letters per batch (default 100). */
  readonly batchSize?: number;
  readonly inexactNumbers?: InexactNumbers;
  /** Called after every batch with the counts so far. */
  readonly onProgress?: (progress: RedriveProgress) => void;
  /** The current time, against which a letter's age is measured (default: the system clock). */
  readonly now?: () => Date;
  /**
   * Also redrive letters of changes made more than 25 hours ago. Markers and tombstones that
   * would recognise such a change as stale expire after 25 hours, so for an aggregate or a
   * deleting projection it could count a removed item again: by default those letters stay
   * (`beyondReplay`) and the answer is a rebuild. Safe for projections of `PutRow`s only.
   */
  readonly beyondReplayWindow?: boolean;
}

/** Counts of one projection's letters (or `*`). */
export interface RedriveCounts {
  /** Letters read. */
  readonly read: number;
  /** Records that decode now and went through the store (applied, or filtered out). */
  readonly applied: number;
  /** Records the current codecs still refuse: their letters stay. */
  readonly stillPoison: number;
  /** Letters holding keys and position only (the record was over the item limit): left for `recoverFailedBatches` or a rebuild. */
  readonly imagesOmitted: number;
  /** Letters of changes older than the 25-hour replay window, left in place (see `beyondReplayWindow`). */
  readonly beyondReplay: number;
  /** Letters removed (0 in a dry run). */
  readonly removed: number;
}

/** Progress after a batch: which partition, and its counts so far. */
export interface RedriveProgress extends RedriveCounts {
  readonly projection: string;
}

/** What a redrive did, per projection (`*`: records no projection could read). */
export interface RedriveSummary {
  readonly dryRun: boolean;
  readonly projections: Readonly<Record<string, RedriveCounts>>;
  readonly total: RedriveCounts;
}

/** The redrive stopped (store or dead-letter table failure); run it again to go on, nothing is lost. */
export interface RedriveFailed {
  readonly _tag: 'RedriveFailed';
  readonly projection: string;
  readonly summary: RedriveSummary;
  readonly message: string;
}
