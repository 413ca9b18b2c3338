import { type ChangeEvent, type StreamViewType, sortableSequenceNumber } from '@sluice/core';
import type { Write } from '../plan/write.js';
import { defineProjection, type Projection } from '../projection/projection.js';
import { type BuiltinOptions, builtinDefinition } from './builtinOptions.js';
import { changedAttributes } from './changedAttributes.js';
import { isoTime } from './isoTime.js';
import { sortedNames } from './sortedNames.js';

/** Which images a history row keeps (only those the stream carries end up in the row). */
export type HistoryImages = 'new' | 'old' | 'both' | 'none';

/** Settings of an order-history projection. */
export interface OrderHistoryOptions<T, V extends StreamViewType, K> extends BuiltinOptions<T, K> {
  /** The history table: partition key `partitionKey` (S or N), sort key `sortKey` (S). */
  readonly table: string;
  readonly viewType: V;
  /** The entity a change belongs to (e.g. the order id): the history row's partition key value. */
  readonly entityId: (event: ChangeEvent<T, V, K>) => string | number;
  /** Default `entityId`. */
  readonly partitionKey?: string;
  /** Default `change`. */
  readonly sortKey?: string;
  /** Prefix the sort key with the change's ISO time (`2024-05-01T10:00:00.000Z#000…42`). Default false. */
  readonly timePrefix?: boolean;
  /** Default `both`. */
  readonly images?: HistoryImages;
}

type Image = Readonly<Record<string, unknown>>;

/**
 * One history row per change: keyed by entity id and the sortable sequence number, holding the
 * event name, time, images and changed attribute names. Every field derives from the change
 * alone, so a replay rewrites an identical row (`PutRow`).
 */
export const orderHistory = <T, V extends StreamViewType, K = Record<string, unknown>>(
  options: OrderHistoryOptions<T, V, K>,
): Projection<T, V, K> => {
  const { table, entityId, timePrefix = false, images = 'both' } = options;
  const pk = options.partitionKey ?? 'entityId';
  const sk = options.sortKey ?? 'change';
  const keepNew = images === 'new' || images === 'both';
  const keepOld = images === 'old' || images === 'both';
  return defineProjection<T, V, K>({
    ...builtinDefinition(options),
    tables: [options.table],
    plan: (event): readonly Write[] => {
      const seen = event as { readonly newImage?: Image; readonly oldImage?: Image };
      const newImage = seen.newImage;
      const oldImage = seen.oldImage;
      const at = isoTime(event.approximateCreationTime);
      const sortable = sortableSequenceNumber(event.sequenceNumber);
      const key = { [pk]: entityId(event), [sk]: timePrefix ? `${at}#${sortable}` : sortable };
      const row: Record<string, unknown> = {
        eventName: event.eventName,
        eventId: event.eventId,
        sequenceNumber: event.sequenceNumber,
        at,
      };
      if (keepNew && newImage !== undefined) row.newImage = newImage;
      if (keepOld && oldImage !== undefined) row.oldImage = oldImage;
      const changed = changedOf(event.eventName, newImage, oldImage);
      if (changed !== undefined) row.changedAttributes = changed;
      row[pk] = key[pk];
      row[sk] = key[sk];
      return [{ _tag: 'PutRow', table, key, row }];
    },
  });
};

// An INSERT sets every attribute and a REMOVE clears every one; a MODIFY needs both images to tell.
const changedOf = (
  eventName: ChangeEvent<unknown>['eventName'],
  newImage: Image | undefined,
  oldImage: Image | undefined,
): string[] | undefined => {
  if (eventName === 'INSERT') return newImage && sortedNames(newImage);
  if (eventName === 'REMOVE') return oldImage && sortedNames(oldImage);
  return newImage && oldImage ? changedAttributes(oldImage, newImage) : undefined;
};
