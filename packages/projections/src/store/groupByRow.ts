import type { RowKey } from '../plan/row.js';
import { rowId } from '../plan/rowId.js';
import type { Contribute } from '../plan/write.js';

/** The `Contribute` writes that keep their markers in one group row, in the order given. */
export interface RowGroupWrites {
  readonly table: string;
  readonly key: RowKey;
  readonly writes: Contribute[];
  /** Where each of `writes` sits in the list given. */
  readonly positions: number[];
}

/** Groups writes with a `markerRow` by the row that holds their markers (first-seen order). */
export const groupByRow = (writes: readonly Contribute[]): RowGroupWrites[] => {
  const groups = new Map<string, RowGroupWrites>();
  for (let position = 0; position < writes.length; position++) {
    const write = writes[position]!;
    const key = write.markerRow!;
    const id = rowId(write.table, key);
    const group = groups.get(id);
    if (group === undefined)
      groups.set(id, { table: write.table, key, writes: [write], positions: [position] });
    else {
      group.writes.push(write);
      group.positions.push(position);
    }
  }
  return [...groups.values()];
};
