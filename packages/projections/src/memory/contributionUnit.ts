import { sortableSequenceNumber } from '@sluice/core';
import type { Amounts, RowKey } from '../plan/row.js';
import { rowId } from '../plan/rowId.js';
import type { Contribute, MarkerRow } from '../plan/write.js';
import type { StoredRow, TableData } from './tableData.js';

/** DynamoDB's TransactWriteItems limit, which bounds one atomic unit of contributions. */
export const MAX_UNIT_ACTIONS = 100;

interface GroupUpdate {
  readonly table: string;
  readonly key: RowKey;
  readonly deltas: Record<string, number>;
}

const NO_IDS: readonly string[] = [];

/**
 * One atomic unit of contributions, as one TransactWriteItems would be: the markers it moves and
 * the summed delta per group, never more than `MAX_UNIT_ACTIONS` actions.
 */
export class ContributionUnit {
  private readonly groups = new Map<string, GroupUpdate>();
  private readonly markers: MarkerRow[] = [];
  private readonly markerTables: string[] = [];
  /** Indices (in the planned batch) of the writes this unit carries. */
  readonly indices: number[] = [];

  /** Actions this unit holds: one per marker, one per group. */
  get size(): number {
    return this.groups.size + this.markers.length;
  }

  /**
   * Adds a write unless it would push the unit over the limit (`full`). A write already applied,
   * or that changes nothing, joins with no action (`unchanged`).
   */
  offer(data: TableData, write: Contribute, index: number): 'added' | 'unchanged' | 'full' {
    const stored = data.getByValues(write.markerTable, write.markerId) as MarkerRow | undefined;
    const sequenceNumber = sortableSequenceNumber(write.sequenceNumber);
    if (stored !== undefined && stored.sequenceNumber >= sequenceNumber) return this.join(index);
    const before = stored?.contribution ?? null;
    const after = write.contribution;
    const touches = write.alsoTouches;

    const { table, markerTable } = write;
    const beforeId = before && rowId(table, before.group);
    const afterId = after && rowId(table, after.group);
    // The marker's own group is left out when its delta is zero: its row exists already.
    const ownUnchanged =
      before !== null &&
      (beforeId === afterId
        ? sameAmounts(before.amounts, after!.amounts)
        : allZero(before.amounts));
    const touchIds = touches.length === 0 ? NO_IDS : touches.map((t) => rowId(table, t.group));
    let fresh = 1;
    if (!ownUnchanged && beforeId !== null && !this.groups.has(beforeId)) fresh++;
    if (afterId !== beforeId && afterId !== null && !this.groups.has(afterId)) fresh++;
    for (const id of touchIds)
      if (id !== beforeId && id !== afterId && !this.groups.has(id)) fresh++;
    if (this.size > 0 && this.size + fresh > MAX_UNIT_ACTIONS) return 'full';

    for (let i = 0; i < touches.length; i++)
      if (touchIds[i] !== beforeId)
        this.add(table, touchIds[i]!, touches[i]!.group, touches[i]!.amounts, 0);
    if (!ownUnchanged) {
      if (after !== null) this.add(table, afterId!, after.group, after.amounts, 1);
      if (before !== null) this.add(table, beforeId!, before.group, before.amounts, -1);
    }
    this.markerTables.push(markerTable);
    this.markers.push({ markerId: write.markerId, sequenceNumber, contribution: after });
    this.indices.push(index);
    return 'added';
  }

  /** Applies the whole unit at once. */
  commit(data: TableData): void {
    for (const { table, key, deltas } of this.groups.values()) {
      let row = data.get(table, key);
      if (row === undefined) {
        row = { ...key } as StoredRow;
        data.put(table, key, row);
      }
      for (const name in deltas)
        row[name] = ((row[name] as number | undefined) ?? 0) + deltas[name]!;
    }
    for (let i = 0; i < this.markers.length; i++) {
      const marker = this.markers[i]!;
      data.put(
        this.markerTables[i]!,
        { markerId: marker.markerId },
        marker as unknown as StoredRow,
      );
    }
  }

  private add(table: string, id: string, key: RowKey, amounts: Amounts, sign: number): void {
    let update = this.groups.get(id);
    if (update === undefined) {
      update = { table, key, deltas: {} };
      this.groups.set(id, update);
    }
    const { deltas } = update;
    for (const name in amounts) deltas[name] = (deltas[name] ?? 0) + sign * amounts[name]!;
  }

  private join(index: number): 'unchanged' {
    this.indices.push(index);
    return 'unchanged';
  }
}

const allZero = (amounts: Amounts): boolean => {
  for (const name in amounts) if (amounts[name] !== 0) return false;
  return true;
};

const sameAmounts = (a: Amounts, b: Amounts): boolean => {
  let names = 0;
  for (const name in a) {
    if (a[name] !== b[name]) return false;
    names++;
  }
  for (const _ in b) names--;
  return names === 0;
};
