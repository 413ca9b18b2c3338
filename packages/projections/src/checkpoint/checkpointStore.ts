import type { SequenceNumber } from '@sluice/core';
import type * as E from 'fp-ts/lib/Either.js';
import type { StoreError } from '../store/storeError.js';

/** Which position a checkpoint records: one per stream, shard and projection (or consumer group). */
export interface CheckpointKey {
  readonly streamArn: string;
  readonly shardId: string;
  readonly projection: string;
}

/** The last sequence number processed, and the lease counter of the writer that recorded it. */
export interface Checkpoint {
  readonly sequenceNumber: SequenceNumber;
  readonly leaseCounter: number | undefined;
}

/** The compare-and-set failed: someone else moved the checkpoint, or holds a newer lease. */
export interface CheckpointConflict {
  readonly _tag: 'CheckpointConflict';
  readonly key: CheckpointKey;
  readonly expectedPrevious: SequenceNumber | undefined;
  /** What the store holds now (undefined: no checkpoint). */
  readonly actual: Checkpoint | undefined;
  readonly message: string;
}

/** Builds a `CheckpointConflict`. */
export const checkpointConflict = (
  key: CheckpointKey,
  expectedPrevious: SequenceNumber | undefined,
  actual: Checkpoint | undefined,
): CheckpointConflict => ({
  _tag: 'CheckpointConflict',
  key,
  expectedPrevious,
  actual,
  message:
    `checkpoint of ${key.projection} on shard ${key.shardId} is ` +
    `${actual ? `${actual.sequenceNumber} (lease ${actual.leaseCounter ?? 'none'})` : 'absent'}, ` +
    `expected ${expectedPrevious ?? 'absent'}`,
});

/**
 * Durable positions of a consumer, compare-and-set (as Emmett and the Kinesis Client Library do).
 *
 * `put(key, sequenceNumber, expectedPrevious, leaseCounter)` MUST succeed atomically iff the stored
 * sequence number equals `expectedPrevious` (`undefined`: no checkpoint stored) AND, when
 * `leaseCounter` is given, the stored lease counter is absent or <= `leaseCounter` (a writer whose
 * lease was taken over is fenced off). It stores the sequence number and, when given, the lease
 * counter (when not given, the stored counter is kept). Any other case is a
 * `CheckpointConflict` carrying what is stored; I/O failures that outlast retries are `StoreError`s.
 */
export interface CheckpointStore {
  /** The stored checkpoint, or `undefined` when there is none. */
  get(key: CheckpointKey): Promise<E.Either<StoreError, Checkpoint | undefined>>;
  /** Compare-and-set; see the interface comment for the exact condition. */
  put(
    key: CheckpointKey,
    sequenceNumber: SequenceNumber,
    expectedPrevious: SequenceNumber | undefined,
    leaseCounter?: number,
  ): Promise<E.Either<CheckpointConflict | StoreError, void>>;
}
