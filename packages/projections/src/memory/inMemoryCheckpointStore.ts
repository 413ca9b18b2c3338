import type { SequenceNumber } from '@sluice/core';
import * as E from 'fp-ts/lib/Either.js';
import {
  type Checkpoint,
  type CheckpointConflict,
  type CheckpointKey,
  type CheckpointStore,
  checkpointConflict,
} from '../checkpoint/checkpointStore.js';
import type { StoreError } from '../store/storeError.js';

const idOf = (key: CheckpointKey): string =>
  JSON.stringify([key.streamArn, key.shardId, key.projection]);

/** Checkpoints in memory, compare-and-set exactly as `CheckpointStore` specifies. */
export class InMemoryCheckpointStore implements CheckpointStore {
  private readonly checkpoints = new Map<string, Checkpoint>();

  async get(key: CheckpointKey): Promise<E.Either<StoreError, Checkpoint | undefined>> {
    return E.right(this.checkpoints.get(idOf(key)));
  }

  async put(
    key: CheckpointKey,
    sequenceNumber: SequenceNumber,
    expectedPrevious: SequenceNumber | undefined,
    leaseCounter?: number,
  ): Promise<E.Either<CheckpointConflict | StoreError, void>> {
    const id = idOf(key);
    const stored = this.checkpoints.get(id);
    const fenced =
      leaseCounter !== undefined &&
      stored?.leaseCounter !== undefined &&
      stored.leaseCounter > leaseCounter;
    if (stored?.sequenceNumber !== expectedPrevious || fenced)
      return E.left(checkpointConflict(key, expectedPrevious, stored));
    this.checkpoints.set(id, {
      sequenceNumber,
      leaseCounter: leaseCounter ?? stored?.leaseCounter,
    });
    return E.right(undefined);
  }
}
