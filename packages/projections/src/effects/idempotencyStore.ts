import type * as E from 'fp-ts/lib/Either.js';

/**
 * One effect's record in the idempotency table. `IN_PROGRESS`: a runner claimed it (token) and is
 * performing it until `inProgressUntil`; `DONE`: performed and confirmed. Both expire (TTL).
 */
export interface IdempotencyRecord {
  readonly idempotencyKey: string;
  readonly status: 'IN_PROGRESS' | 'DONE';
  /** Which claim wrote it: only that claim may complete or release it. */
  readonly token: string;
  /** Epoch milliseconds: after this an `IN_PROGRESS` claim counts as crashed and may be taken over. */
  readonly inProgressUntil: number;
  /** Epoch seconds: the table's TTL attribute; an expired record counts as absent. */
  readonly expiresAt: number;
}

/** The idempotency table could not be read or written (after the store's own retries). */
export interface IdempotencyStoreFailed {
  readonly _tag: 'IdempotencyStoreFailed';
  readonly message: string;
}

/** A claim lost to a record someone else holds (done, or in progress and not yet timed out). */
export interface ClaimTaken {
  readonly _tag: 'Taken';
  readonly record: IdempotencyRecord;
}

/**
 * Where effect runners record what they did. Every write is conditional, so two runners (a retry
 * racing a slow invocation) never both believe they own one effect.
 */
export interface IdempotencyStore {
  /** The live records of these keys (strongly consistent; batched: BatchGetItem on DynamoDB). */
  read(
    keys: readonly string[],
    now: number,
  ): Promise<E.Either<IdempotencyStoreFailed, ReadonlyMap<string, IdempotencyRecord>>>;
  /**
   * Writes `claim` (IN_PROGRESS) iff no live record exists or the existing one is IN_PROGRESS and
   * past its `inProgressUntil` (a crashed runner's). Otherwise returns the record that holds it.
   */
  claim(
    claim: IdempotencyRecord,
    now: number,
  ): Promise<E.Either<IdempotencyStoreFailed, { readonly _tag: 'Claimed' } | ClaimTaken>>;
  /** Marks the effect DONE iff the record is still this token's claim; `false`: it was taken over. */
  complete(
    key: string,
    token: string,
    expiresAt: number,
  ): Promise<E.Either<IdempotencyStoreFailed, boolean>>;
  /** Deletes this token's IN_PROGRESS claim (the effect failed), so a retry may claim it at once. */
  release(key: string, token: string): Promise<E.Either<IdempotencyStoreFailed, void>>;
}

/** Whether a record still counts at `now` (epoch ms): TTL deletes lazily, so expiry is checked. */
export const isLive = (record: IdempotencyRecord, now: number): boolean =>
  record.expiresAt * 1000 > now;
