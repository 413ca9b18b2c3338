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
  /** The group's stored row; `undefined` for a group new to its table, created on commit. */
  readonly row: StoredRow | undefined;
  readonly deltas: Record<string, number>;
}

/**
 * How the unit tells groups apart: by the stored row, found through the key values without
 * building a key string, or, for a group not yet in its table, by its `rowId`.
 */
type GroupSlot = StoredRow | string;

const slotOf = (data: TableData, table: string, key: RowKey): GroupSlot =>
  data.get(table, key) ?? rowId(table, key);

const NO_SLOTS: readonly GroupSlot[] = [];

/**
 * One atomic unit of contributions, as one TransactWriteItems would be: the markers it moves and
 * the summed delta per group, never more than `MAX_UNIT_ACTIONS` actions.
 */
export class ContributionUnit {
  private readonly groups = new Map<GroupSlot, GroupUpdate>();
  private readonly markers: MarkerRow[] = [];
  private readonly markerTables: string[] = [];

  /** Actions this unit holds: one per marker, one per group. */
  get size(): number {
    return this.groups.size + this.markers.length;
  }

  /**
   * Adds a write unless it would push the unit over the limit (`full`). A write already applied,
   * or that changes nothing, joins with no action (`unchanged`).
   */
  offer(data: TableData, write: Contribute): 'added' | 'unchanged' | 'full' {
    const stored = data.getByValues(write.markerTable, write.markerId) as MarkerRow | undefined;
    const sequenceNumber = sortableSequenceNumber(write.sequenceNumber);
    if (stored !== undefined && stored.sequenceNumber >= sequenceNumber) return 'unchanged';
    const before = stored?.contribution ?? null;
    const after = write.contribution;
    const touches = write.alsoTouches;

    const { table, markerTable } = write;
    const beforeSlot = before && slotOf(data, table, before.group);
    const afterSlot = after && slotOf(data, table, after.group);
    // The marker's own group is left out when its delta is zero: its row exists already.
    const ownUnchanged =
      before !== null &&
      (beforeSlot === afterSlot
        ? sameAmounts(before.amounts, after!.amounts)
        : allZero(before.amounts));
    const touchSlots =
      touches.length === 0 ? NO_SLOTS : touches.map((t) => slotOf(data, table, t.group));
    let fresh = 1;
    if (!ownUnchanged && beforeSlot !== null && !this.groups.has(beforeSlot)) fresh++;
    if (afterSlot !== beforeSlot && afterSlot !== null && !this.groups.has(afterSlot)) fresh++;
    for (const slot of touchSlots)
      if (slot !== beforeSlot && slot !== afterSlot && !this.groups.has(slot)) fresh++;
    if (this.size > 0 && this.size + fresh > MAX_UNIT_ACTIONS) return 'full';

    for (let i = 0; i < touches.length; i++)
      if (touchSlots[i] !== beforeSlot)
        this.add(table, touchSlots[i]!, touches[i]!.group, touches[i]!.amounts, 0);
    if (!ownUnchanged) {
      if (after !== null) this.add(table, afterSlot!, after.group, after.amounts, 1);
      if (before !== null) this.add(table, beforeSlot!, before.group, before.amounts, -1);
    }
    this.markerTables.push(markerTable);
    this.markers.push({
      markerId: write.markerId,
      sequenceNumber,
      contribution: after,
      ...(write.expiresAt === undefined ? {} : { expiresAt: write.expiresAt }),
    });
    return 'added';
  }

  /** Applies the whole unit at once. */
  commit(data: TableData): void {
    for (const update of this.groups.values()) {
      const { table, key, deltas } = update;
      let row = update.row ?? data.get(table, key);
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

  private add(table: string, slot: GroupSlot, key: RowKey, amounts: Amounts, sign: number): void {
    let update = this.groups.get(slot);
    if (update === undefined) {
      const row = typeof slot === 'string' ? undefined : slot;
      update = { table, key, row, deltas: {} };
      this.groups.set(slot, update);
    }
    const { deltas } = update;
    for (const name in amounts) deltas[name] = (deltas[name] ?? 0) + sign * amounts[name]!;
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
