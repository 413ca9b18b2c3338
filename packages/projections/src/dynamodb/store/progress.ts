import type { StoreError } from '../../store/storeError.js';

/** What applying the writes of one kind achieved, and which of them are not confirmed. */
export interface Progress {
  readonly written: number;
  readonly unchanged: number;
  /** Indices into `PlannedBatch.writes` whose effect is not confirmed. */
  readonly unconfirmed: readonly number[];
  /** Why the store stopped; undefined when every write is confirmed. */
  readonly cause: StoreError | undefined;
}

/** Nothing to do, nothing failed. */
export const noProgress: Progress = { written: 0, unchanged: 0, unconfirmed: [], cause: undefined };
