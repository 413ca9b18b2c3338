import { sortableSequenceNumber } from '@sluice/core';
import type { RowKey } from '../plan/row.js';
import { rowId } from '../plan/rowId.js';
import type { Contribute, MarkerRow } from '../plan/write.js';
import { contributionDeltas, type GroupDelta } from '../store/contributionDeltas.js';
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
   * Adds a write unless it would push the unit over the limit (`full`). A write its marker
   * already reflects joins with no action (`stale`).
   */
  offer(data: TableData, write: Contribute): 'added' | 'stale' | 'full' {
    const stored = data.getByValues(write.markerTable, write.markerId) as MarkerRow | undefined;
    const sequenceNumber = sortableSequenceNumber(write.sequenceNumber);
    if (stored !== undefined && stored.sequenceNumber >= sequenceNumber) return 'stale';
    const { table, markerTable } = write;
    const deltas = contributionDeltas(stored?.contribution ?? null, write);
    const slots = deltas.map((delta) => slotOf(data, table, delta.group));
    let fresh = 1;
    for (const slot of slots) if (!this.groups.has(slot)) fresh++;
    if (this.size > 0 && this.size + fresh > MAX_UNIT_ACTIONS) return 'full';

    for (let i = 0; i < deltas.length; i++) this.add(table, slots[i]!, deltas[i]!);
    this.markerTables.push(markerTable);
    this.markers.push({
      markerId: write.markerId,
      sequenceNumber,
      contribution: write.contribution,
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

  private add(table: string, slot: GroupSlot, delta: GroupDelta): void {
    let update = this.groups.get(slot);
    if (update === undefined) {
      const row = typeof slot === 'string' ? undefined : slot;
      update = { table, key: delta.group, row, deltas: {} };
      this.groups.set(slot, update);
    }
    const { deltas } = update;
    const { amounts } = delta;
    for (const name in amounts) deltas[name] = (deltas[name] ?? 0) + amounts[name]!;
  }
}
