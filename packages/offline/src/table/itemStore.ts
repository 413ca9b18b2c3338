import type { AttributeMap } from '../item/attributeMap.js';
import type { KeySchema } from '../item/keySchema.js';
import { compareKeyValues, compareUtf8 } from './keyOrder.js';
import type { ItemKey } from './tableItemKey.js';

/** One stored item; the slot object stays the same while the item is rewritten in place. */
export interface Slot {
  readonly key: ItemKey;
  item: AttributeMap;
  size: number;
}

interface Partition {
  readonly slots: Set<Slot>;
  sorted: Slot[] | undefined;
}

/**
 * The table's items by primary key, with the two orders reads need computed lazily and cached
 * until a key is added or removed: by sort key within a partition (Query) and by partition-key
 * hash (Scan, whose segments are contiguous hash ranges).
 */
export class ItemStore {
  private readonly slots = new Map<string, Slot>();
  private readonly partitions = new Map<string, Partition>();
  private scanOrder: Slot[] | undefined;

  /**
   * `tieBreak` orders keys whose sort values are equal: a secondary index holds many items under
   * one index key, and orders them by their table key.
   */
  constructor(
    private readonly schema: KeySchema,
    private readonly tieBreak?: (a: ItemKey, b: ItemKey) => number,
  ) {}

  /** Number of items. */
  get size(): number {
    return this.slots.size;
  }

  /** The slot holding the item with this key id, if any. */
  get(id: string): Slot | undefined {
    return this.slots.get(id);
  }

  /** Stores `item` under `key`, replacing any previous item. */
  set(key: ItemKey, item: AttributeMap, size: number): void {
    const existing = this.slots.get(key.id);
    if (existing) {
      existing.item = item;
      existing.size = size;
      return;
    }
    const slot: Slot = { key, item, size };
    this.slots.set(key.id, slot);
    let partition = this.partitions.get(key.partitionId);
    if (partition === undefined) {
      partition = { slots: new Set(), sorted: undefined };
      this.partitions.set(key.partitionId, partition);
    }
    partition.slots.add(slot);
    partition.sorted = undefined;
    this.scanOrder = undefined;
  }

  /** Removes the item with this key id. */
  delete(id: string): void {
    const slot = this.slots.get(id);
    if (slot === undefined) return;
    this.slots.delete(id);
    const partition = this.partitions.get(slot.key.partitionId) as Partition;
    partition.slots.delete(slot);
    partition.sorted = undefined;
    if (partition.slots.size === 0) this.partitions.delete(slot.key.partitionId);
    this.scanOrder = undefined;
  }

  /** All slots, in no particular order. */
  all(): IterableIterator<Slot> {
    return this.slots.values();
  }

  /** The items of one partition, by ascending sort key. */
  partition(partitionId: string): readonly Slot[] {
    const partition = this.partitions.get(partitionId);
    if (partition === undefined) return [];
    if (partition.sorted === undefined)
      partition.sorted = [...partition.slots].sort(this.compareSortKeys);
    return partition.sorted;
  }

  /** All slots by (partition-key hash, partition key, sort key): the order Scan pages through. */
  inScanOrder(): readonly Slot[] {
    if (this.scanOrder === undefined) {
      this.scanOrder = [...this.slots.values()].sort((a, b) => this.compareScan(a, b));
    }
    return this.scanOrder;
  }

  /** Scan order between two keys (also positions an exclusive start key that no longer exists). */
  compareScan(a: { key: ItemKey }, b: { key: ItemKey }): number {
    if (a.key.hash !== b.key.hash) return a.key.hash - b.key.hash;
    if (a.key.partitionId !== b.key.partitionId)
      return compareUtf8(a.key.partitionId, b.key.partitionId);
    return this.compareSortKeys(a, b);
  }

  /** Sort-key order between two keys of one partition. */
  readonly compareSortKeys = (a: { key: ItemKey }, b: { key: ItemKey }): number => {
    const { sortKey } = this.schema;
    const order =
      sortKey === undefined
        ? 0
        : compareKeyValues(
            sortKey.type,
            a.key.sortValue as AttributeMap[string],
            b.key.sortValue as AttributeMap[string],
          );
    return order !== 0 || this.tieBreak === undefined ? order : this.tieBreak(a.key, b.key);
  };
}
