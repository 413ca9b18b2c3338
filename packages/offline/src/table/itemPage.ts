import type { AttributeMap } from '../item/attributeMap.js';
import type { Slot } from './itemStore.js';

/** One page of a Query or Scan: the items and, when the page stopped early, where to resume. */
export interface ItemPage<I = AttributeMap> {
  readonly items: I[];
  /** Pass as `exclusiveStartKey` to read the next page; absent when the read is complete. */
  readonly lastEvaluatedKey?: I;
}

/** Bytes one Query or Scan page reads at most, as DynamoDB does. */
export const MAX_PAGE_BYTES = 1024 * 1024;

/**
 * Collects items from `slots[start..stop)` (step `direction`) until `limit` items or 1 MB were read.
 * Like DynamoDB, a page cut short by the limit reports `lastEvaluatedKey` even if nothing follows.
 */
export const collectPage = (
  slots: readonly Slot[],
  start: number,
  stop: number,
  direction: 1 | -1,
  limit: number,
  accept: (slot: Slot) => boolean = () => true,
): ItemPage => {
  const items: AttributeMap[] = [];
  let bytes = 0;
  for (let i = start; direction === 1 ? i < stop : i > stop; i += direction) {
    const slot = slots[i] as Slot;
    if (!accept(slot)) continue;
    items.push(slot.item);
    bytes += slot.size;
    if (items.length >= limit || bytes >= MAX_PAGE_BYTES) {
      return { items, lastEvaluatedKey: slot.key.keys };
    }
  }
  return { items };
};

/** Index of the first element of `sorted` for which `isAfter` holds (binary search). */
export const firstIndexWhere = <T>(
  sorted: readonly T[],
  isAfter: (element: T) => boolean,
): number => {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isAfter(sorted[mid] as T)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
};
