import type * as E from 'fp-ts/lib/Either.js';
import type { PlannedBatch } from '../plan/plannedBatch.js';
import type { Row } from '../plan/row.js';
import type { ApplyFailed } from './storeError.js';

/** What applying a batch did: writes with an effect, and writes that changed nothing (already applied, superseded, no-op). */
export interface Applied {
  readonly _tag: 'Applied';
  readonly written: number;
  readonly unchanged: number;
}

/**
 * Where projections write. A store knows no projection rules, only the write vocabulary
 * (`PutRow`, `Contribute`, `PutIfNewer`); each write's doc comment states the idempotency the
 * store MUST guarantee, so applying a batch any number of times, or a prefix of it then all of it,
 * leaves the tables as applying it once.
 *
 * Ordering: a store SHOULD start requests in write order and start none after one failed; it MAY
 * group and parallelise. On failure it MUST list every write whose effect it cannot confirm.
 * It MUST NOT throw for I/O faults (throttling, unprocessed items, cancelled transactions are
 * retried with backoff and jitter inside the store; what outlasts retries is an `ApplyFailed`).
 */
export interface ProjectionStore {
  /** Applies a planned batch; resolves once every write is confirmed, or with what is not. */
  apply(batch: PlannedBatch): Promise<E.Either<ApplyFailed, Applied>>;
  /**
   * Every row of a table (a projection table or a marker table) as plain objects, in no particular
   * order: for tests and the store contract suite, not for production reads.
   */
  scan(table: string): Promise<readonly Row[]>;
}
