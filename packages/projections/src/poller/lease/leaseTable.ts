import type * as E from 'fp-ts/lib/Either.js';
import type { Lease, LeaseCheckpoint } from './lease.js';

/** What a fenced lease write sets; the lease counter always rises by one. */
export interface LeaseChange {
  /** The new owner; `undefined` frees the lease. A change of owner also clears `handoffTo`. */
  readonly owner: string | undefined;
  /** The new checkpoint; the stored one is kept when absent. */
  readonly checkpoint?: LeaseCheckpoint;
}

/** A fenced write's outcome: it landed, or the lease moved on since the writer last saw it. */
export type LeaseWriteResult =
  | { readonly _tag: 'Written'; readonly lease: Lease }
  | { readonly _tag: 'Conflict'; readonly current: Lease | undefined };

/** The lease table could not be read or written; `retryable` says whether waiting may help. */
export interface LeaseTableError {
  readonly _tag: 'LeaseTableError';
  readonly operation: string;
  readonly tableName: string;
  readonly retryable: boolean;
  readonly message: string;
}

/**
 * Storage of shard leases, KCL style: every write that changes ownership or progress is
 * conditioned on the lease counter its writer last saw and raises it, so of two pollers racing
 * for a lease exactly one wins, and a poller whose lease was taken can neither renew nor checkpoint.
 */
export interface LeaseTable {
  /** Every lease of a stream. */
  list(streamArn: string): Promise<E.Either<LeaseTableError, readonly Lease[]>>;
  /** One lease, read consistently; `undefined` when absent. */
  get(streamArn: string, shardId: string): Promise<E.Either<LeaseTableError, Lease | undefined>>;
  /** Creates a lease unless one exists for that shard; `true` when this call created it. */
  create(lease: Lease): Promise<E.Either<LeaseTableError, boolean>>;
  /**
   * Applies `change` iff the stored lease still has `expected`'s counter and owner (take, renew,
   * checkpoint, release and hand over are all this one write).
   */
  write(expected: Lease, change: LeaseChange): Promise<E.Either<LeaseTableError, LeaseWriteResult>>;
  /**
   * Asks the owner to hand the lease to `to`, iff it is still owned as in `expected` and nobody
   * asked already. Leaves the counter alone so the owner keeps renewing until it hands over.
   */
  requestHandoff(expected: Lease, to: string): Promise<E.Either<LeaseTableError, boolean>>;
  /** Deletes a lease iff its counter is still `expected`'s (cleanup of trimmed, finished shards). */
  remove(expected: Lease): Promise<E.Either<LeaseTableError, boolean>>;
}

/**
 * The lease `change` produces from `expected`. `handoffTo` survives while the owner stays (a
 * request arrives without raising the counter, so the writer may not have seen it) and is
 * cleared when the owner changes.
 */
export const applyChange = (expected: Lease, change: LeaseChange): Lease => {
  const { owner: _owner, handoffTo, ...rest } = expected;
  const keepsHandoff = handoffTo !== undefined && change.owner === expected.owner;
  return {
    ...rest,
    leaseCounter: expected.leaseCounter + 1,
    checkpoint: change.checkpoint ?? expected.checkpoint,
    ...(change.owner === undefined ? {} : { owner: change.owner }),
    ...(keepsHandoff ? { handoffTo } : {}),
  };
};

/**
 * Whether `current` is exactly what `change` applied to `expected` wrote: a client that retried
 * after a lost response then finds its own write, which is success, not a conflict.
 */
export const isOwnWrite = (current: Lease, expected: Lease, change: LeaseChange): boolean => {
  const intended = applyChange(expected, change);
  const handoffTo = change.owner === expected.owner ? current.handoffTo : undefined;
  return sameLease(current, { ...intended, ...(handoffTo === undefined ? {} : { handoffTo }) });
};

/** Whether two leases hold the same values (attribute order and absent-vs-undefined ignored). */
const sameLease = (a: Lease, b: Lease): boolean =>
  a.streamArn === b.streamArn &&
  a.shardId === b.shardId &&
  a.leaseCounter === b.leaseCounter &&
  a.checkpoint === b.checkpoint &&
  a.owner === b.owner &&
  a.handoffTo === b.handoffTo &&
  a.parentShardIds.length === b.parentShardIds.length &&
  a.parentShardIds.every((id, i) => b.parentShardIds[i] === id);
