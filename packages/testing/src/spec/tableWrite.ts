import type { ManualClock } from '@sluice/core';
import type { InMemoryTable, ItemUpdate, PlainItem } from '@sluice/offline';

/**
 * One step of a spec's history, as plain data (so fast-check can generate it): a write to the
 * source table, moving its clock, or a TTL sweep.
 */
export type TableWrite =
  | { readonly put: PlainItem }
  /** UpdateItem on this key: `{ set, remove, add, delete }` actions or a function of the item. */
  | { readonly update: PlainItem; readonly with: ItemUpdate<unknown, PlainItem> }
  | { readonly delete: PlainItem }
  /** Moves the table's clock forward by this many milliseconds. */
  | { readonly advanceClockMs: number }
  /** Deletes the expired items as DynamoDB's TTL process does (REMOVE records by the service). */
  | { readonly sweepTtl: true };

/** Applies one step to the table; the table throws DynamoDB's errors for invalid writes. */
export const applyTableWrite = (
  table: InMemoryTable,
  clock: ManualClock,
  write: TableWrite,
): void => {
  if ('put' in write) table.put(write.put);
  else if ('update' in write) table.update(write.update, write.with);
  else if ('delete' in write) table.delete(write.delete);
  else if ('advanceClockMs' in write) clock.advance(write.advanceClockMs);
  else table.sweepTtl();
};
