import { type ChangeEvent, type StreamViewType, sortableSequenceNumber } from '@sluice/core';
import { isoTime } from '../builtins/isoTime.js';
import type { Write } from '../plan/write.js';
import { SNAPSHOT_SEQUENCE_NUMBER } from './snapshotRecord.js';
import type { SnapshotPlan } from './snapshotTarget.js';

/** Where `historySnapshot` writes: the history table and keys `orderHistory` was given. */
export interface HistorySnapshotOptions<T, V extends StreamViewType, K> {
  readonly table: string;
  /** The same function `orderHistory` uses: the entity the item belongs to. */
  readonly entityId: (event: ChangeEvent<T, V, K>) => string | number;
  /** Default `entityId`. */
  readonly partitionKey?: string;
  /** Default `change`. */
  readonly sortKey?: string;
}

const SNAPSHOT_SORT_PREFIX = `${sortableSequenceNumber(SNAPSHOT_SEQUENCE_NUMBER)}#`;

/**
 * A snapshot plan for an order-history table: one `SNAPSHOT` row per scanned item, the item as
 * the scan read it, keyed by its entity and `000…000#<item key>`. That sort key is unique per
 * item and sorts before every change (and every time-prefixed change), so the history of an
 * entity reads: its items as the backfill found them, then every change since.
 */
export const historySnapshot = <T, V extends StreamViewType, K = Record<string, unknown>>(
  options: HistorySnapshotOptions<T, V, K>,
): SnapshotPlan => {
  const { table, entityId } = options;
  const pk = options.partitionKey ?? 'entityId';
  const sk = options.sortKey ?? 'change';
  return (event): readonly Write[] => {
    const key = {
      [pk]: entityId(event as unknown as ChangeEvent<T, V, K>),
      [sk]: SNAPSHOT_SORT_PREFIX + event.itemKey,
    };
    const newImage = (event as { readonly newImage?: unknown }).newImage;
    const row: Record<string, unknown> = {
      eventName: 'SNAPSHOT',
      eventId: event.eventId,
      at: isoTime(event.approximateCreationTime),
      ...(newImage === undefined ? {} : { newImage }),
      ...key,
    };
    return [{ _tag: 'PutRow', table, key, row }];
  };
};
