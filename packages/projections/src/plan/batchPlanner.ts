import { mergeable, mergeWrites } from './mergeWrites.js';
import type { PlannedBatch } from './plannedBatch.js';
import { rowId } from './rowId.js';
import type { Write } from './write.js';

type Positions = Map<string, Map<string, number>>;

/**
 * Collects the writes of a batch, record by record, merging writes on one marker or archived row
 * as they arrive (many changes of one item: one contribution, one archive put). Writes of one row
 * that do not merge stay in planned order, and the stores apply them in that order. `PutRow`s are
 * not merged: the store applies them in order, so the last one of a row wins as merging would
 * decide, without a key string per history row.
 */
export class BatchPlanner {
  private readonly writes: Write[] = [];
  private readonly origins: number[] = [];
  // Per table, then per marker id or row id: where the write sits. Nested, to build no key strings.
  private readonly markers: Positions = new Map();
  private readonly rows: Positions = new Map();

  /** Adds the writes planned for the record at index `origin` of the batch. */
  add(writes: readonly Write[], origin: number): void {
    for (const write of writes) {
      if (write._tag === 'PutRow') {
        this.push(write, origin);
        continue;
      }
      const positions = write._tag === 'Contribute' ? this.markers : this.rows;
      const table = write._tag === 'Contribute' ? write.markerTable : write.table;
      const id = write._tag === 'Contribute' ? write.markerId : rowId('', write.key);
      let inTable = positions.get(table);
      if (inTable === undefined) {
        inTable = new Map();
        positions.set(table, inTable);
      }
      const at = inTable.get(id);
      if (at !== undefined && mergeable(this.writes[at]!, write)) {
        this.writes[at] = mergeWrites(this.writes[at]!, write);
        continue;
      }
      // A write that cannot merge (another source item, a put after a delete) follows the last
      // write of its row, and later ones merge with it: applied in order, as planned.
      inTable.set(id, this.writes.length);
      this.push(write, origin);
    }
  }

  /** The coalesced batch, writes in order of their first record. */
  result(): PlannedBatch {
    return { writes: this.writes, origins: this.origins };
  }

  private push(write: Write, origin: number): void {
    this.writes.push(write);
    this.origins.push(origin);
  }
}
