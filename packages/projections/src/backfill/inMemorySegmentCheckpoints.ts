import * as E from 'fp-ts/lib/Either.js';
import type { StoreError } from '../store/storeError.js';
import type { SegmentCheckpoint, SegmentCheckpointStore } from './segmentCheckpoints.js';

/** Segment checkpoints in memory: resumable within one process (tests, the in-memory table). */
export class InMemorySegmentCheckpoints implements SegmentCheckpointStore {
  private readonly backfills = new Map<string, Map<number, SegmentCheckpoint>>();

  async load(backfillId: string): Promise<E.Either<StoreError, readonly SegmentCheckpoint[]>> {
    const saved = this.backfills.get(backfillId);
    return E.right(saved === undefined ? [] : [...saved.values()].map((c) => structuredClone(c)));
  }

  async save(
    backfillId: string,
    checkpoint: SegmentCheckpoint,
  ): Promise<E.Either<StoreError, void>> {
    let saved = this.backfills.get(backfillId);
    if (saved === undefined) {
      saved = new Map();
      this.backfills.set(backfillId, saved);
    }
    saved.set(checkpoint.segment, structuredClone(checkpoint));
    return E.right(undefined);
  }
}
