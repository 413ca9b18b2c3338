import type {
  Applied,
  ApplyFailed,
  InMemoryProjectionStore,
  PlannedBatch,
  ProjectionStore,
  Row,
  Write,
} from '@sluice/projections';
import * as E from 'fp-ts/lib/Either.js';

/**
 * An in-memory store that applies every write except the row puts of one table, which it counts
 * and drops. The replay drains the order history this way: one row per change is the replay's
 * output, and holding a million rows would measure that output, not the pipeline's own memory.
 */
export class DrainingStore implements ProjectionStore {
  /** Rows of the drained table handed to the store so far. */
  drainedRows = 0;

  constructor(
    private readonly inner: InMemoryProjectionStore,
    private readonly drainedTable: string,
  ) {}

  async apply(batch: PlannedBatch): Promise<E.Either<ApplyFailed, Applied>> {
    const writes: Write[] = [];
    const origins: number[] = [];
    const positions: number[] = [];
    let drained = 0;
    batch.writes.forEach((write, index) => {
      if (write._tag === 'PutRow' && write.table === this.drainedTable) drained++;
      else {
        writes.push(write);
        origins.push(batch.origins[index] ?? 0);
        positions.push(index);
      }
    });
    const applied = await this.inner.apply({ writes, origins });
    if (E.isLeft(applied))
      return E.left({
        ...applied.left,
        unconfirmed: applied.left.unconfirmed.map((i) => positions[i] ?? i),
      });
    this.drainedRows += drained;
    return E.right({ ...applied.right, written: applied.right.written + drained });
  }

  scan(table: string): Promise<readonly Row[]> {
    return this.inner.scan(table);
  }
}
