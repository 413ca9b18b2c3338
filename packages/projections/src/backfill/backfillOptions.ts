import type { InexactNumbers } from '@sluice/core';
import { type Clock, systemClock } from '@sluice/core';
import type { DeadLetterSink } from '../deadLetter/deadLetter.js';
import type { ProjectionStore } from '../store/projectionStore.js';
import type { BackfillEvent } from './backfillEvents.js';
import { InMemorySegmentCheckpoints } from './inMemorySegmentCheckpoints.js';
import type { RateLimit } from './rateLimit.js';
import type { ScanSource } from './scanSource.js';
import type { SegmentCheckpointStore } from './segmentCheckpoints.js';
import { type Backfilled, type BackfillTarget, targetOf } from './snapshotTarget.js';

/** What a backfill scans, where its snapshots go, and how fast. Only the first four are required. */
export interface ScanSnapshotsOptions {
  readonly source: ScanSource;
  /** Projections (or `{ projection, snapshot }` targets) to feed every item to. */
  readonly projections: readonly Backfilled[];
  /** The store the live stream's consumer writes to: snapshots and changes must meet there. */
  readonly store: ProjectionStore;
  /** Where items a projection's codec refuses go (their eventID is `snapshot:<item key>`). */
  readonly deadLetters: DeadLetterSink;
  /** `skip` (default): dead-letter a refused item and go on; `block`: stop the backfill there. */
  readonly poison?: 'skip' | 'block';
  readonly inexactNumbers?: InexactNumbers;
  /** Parallel scan segments (default 4); a resumed backfill must use the number it started with. */
  readonly segments?: number;
  /** Items per Scan page at most (default: DynamoDB's 1 MB pages). */
  readonly pageSize?: number;
  /** Default: as fast as the table answers. */
  readonly rate?: RateLimit;
  /** Per-segment checkpoints; default in memory (a killed process then starts over). */
  readonly checkpoints?: SegmentCheckpointStore;
  /** Names this backfill's checkpoints (default `<table>:<name>@<version>,…`). */
  readonly backfillId?: string;
  /** Attempts at applying one page before the backfill gives up (default 8, with backoff). */
  readonly maxPageAttempts?: number;
  /** Backoff between page attempts, doubling from `base` up to `max` (default 100 ms to 10 s). */
  readonly retryDelayMs?: { readonly base: number; readonly max: number };
  /** Time and sleeping (default: the system clock); tests pass a manual one. */
  readonly clock?: Clock;
  /** Uniform in [0, 1), for the backoff's jitter (default `Math.random`). */
  readonly random?: () => number;
  /**
   * What applies the table's changes while this scan runs (`backfill` sets it from its live
   * stream's start): nothing known (`none`, the default), a consumer whose positions this run
   * fixed before scanning (`fixedNow`), or one whose positions were kept from before (`resumed`).
   * Saved with the segment checkpoints: a resumed scan is followed throughout only if every
   * earlier run was and the consumer resumed, so no change made between two runs went unapplied.
   */
  readonly followedBy?: 'none' | 'fixedNow' | 'resumed';
  /** Stops the scan: pages in hand are applied and checkpointed, then it resolves, incomplete. */
  readonly signal?: AbortSignal;
  /** Observes progress (a progress bar, logs); a throwing listener is ignored. */
  readonly onEvent?: (event: BackfillEvent) => void;
}

/** The options with defaults filled in. */
export interface ScanSettings
  extends Required<
    Omit<
      ScanSnapshotsOptions,
      | 'projections'
      | 'rate'
      | 'pageSize'
      | 'signal'
      | 'onEvent'
      | 'backfillId'
      | 'inexactNumbers'
      | 'followedBy'
    >
  > {
  readonly targets: readonly BackfillTarget[];
  readonly backfillId: string | undefined;
  readonly rate: RateLimit | undefined;
  readonly pageSize: number | undefined;
  readonly inexactNumbers: InexactNumbers | undefined;
  readonly signal: AbortSignal | undefined;
  readonly followedBy: NonNullable<ScanSnapshotsOptions['followedBy']>;
  readonly emit: (event: BackfillEvent) => void;
}

/** Fills in defaults; throws on settings that are a programmer error (no projections, 0 segments). */
export const scanSettings = (options: ScanSnapshotsOptions): ScanSettings => {
  const segments = options.segments ?? 4;
  if (!Number.isInteger(segments) || segments < 1 || segments > 1_000_000)
    throw new RangeError(`segments must be an integer from 1 to 1000000, got ${segments}`);
  const { pageSize } = options;
  if (pageSize !== undefined && (!Number.isInteger(pageSize) || pageSize < 1))
    throw new RangeError(`pageSize must be a positive integer, got ${pageSize}`);
  if (options.projections.length === 0) throw new RangeError('a backfill needs a projection');
  const maxPageAttempts = options.maxPageAttempts ?? 8;
  if (!Number.isInteger(maxPageAttempts) || maxPageAttempts < 1)
    throw new RangeError(`maxPageAttempts must be a positive integer, got ${maxPageAttempts}`);
  const onEvent = options.onEvent;
  return {
    source: options.source,
    targets: options.projections.map(targetOf),
    store: options.store,
    deadLetters: options.deadLetters,
    poison: options.poison ?? 'skip',
    inexactNumbers: options.inexactNumbers,
    segments,
    pageSize,
    rate: options.rate,
    checkpoints: options.checkpoints ?? new InMemorySegmentCheckpoints(),
    backfillId: options.backfillId,
    maxPageAttempts,
    retryDelayMs: options.retryDelayMs ?? { base: 100, max: 10_000 },
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    signal: options.signal,
    followedBy: options.followedBy ?? 'none',
    emit: (event) => {
      try {
        onEvent?.(event);
      } catch {
        // A progress display's bug must not stop the backfill.
      }
    },
  };
};

/** The default backfill id: the table and every projection's name and version. */
export const defaultBackfillId = (tableName: string, targets: readonly BackfillTarget[]): string =>
  `${tableName}:${targets.map((t) => `${t.projection.name}@${t.projection.version}`).join(',')}`;
