import { type ChangeEvent, sortableSequenceNumber, type WithNewImage } from '@sluice/core';
import type { Row, RowKey } from '../plan/row.js';
import { deleteIfNewer, putIfNewer, tombstoneExpiresAt, type Write } from '../plan/write.js';
import { defineProjection, type Projection } from '../projection/projection.js';
import { type BuiltinOptions, builtinDefinition } from './builtinOptions.js';
import { VERSION_ATTRIBUTE } from './versionAttribute.js';

/** Settings of a replicate projection. */
export interface ReplicateOptions<T, V extends WithNewImage, K> extends BuiltinOptions<T, K> {
  /** The replica table, keyed like the source table (same key attribute names and types). */
  readonly table: string;
  /**
   * The replica's tombstone table (`tombstoneTableSpec`): a removal leaves a versioned tombstone,
   * so a stale replay of an older put never brings a removed item back.
   */
  readonly tombstones: string;
  /** The replica is written from the new image, so the stream must carry it. */
  readonly viewType: V;
  /**
   * The replica row's attributes (rename, drop, derive); default the item as it is. The source
   * item's key attributes are always kept as they are: the replica is keyed like the source.
   */
  readonly transform?: (item: T) => Row;
}

/**
 * Keeps a copy of every source item in `table`: INSERT and MODIFY put the (transformed) new image,
 * REMOVE deletes the row. Each row is owned by its source item and versioned by that item's own
 * sequence numbers (`PutIfNewer`/`DeleteIfNewer` with `source`, plus a tombstone table), so a
 * replay rewrites nothing, an older change never overwrites a newer one and a stale replay never
 * resurrects a removed item. A backfill snapshot (sequence number zero) loses to every change.
 */
export const replicate = <T, V extends WithNewImage, K = Record<string, unknown>>(
  options: ReplicateOptions<T, V, K>,
): Projection<T, V, K> => {
  const { table, tombstones } = options;
  const transform = options.transform ?? ((item: T) => item as unknown as Row);
  return defineProjection<T, V, K>({
    ...builtinDefinition(options),
    tables: [table, tombstones],
    plan: (event: ChangeEvent<T, V, K>): readonly Write[] => {
      const key = event.keys as unknown as RowKey;
      const version = sortableSequenceNumber(event.sequenceNumber);
      const source = event.itemKey;
      if (event.eventName === 'REMOVE')
        return [
          deleteIfNewer(table, key, version, VERSION_ATTRIBUTE, {
            source,
            tombstones,
            expiresAt: tombstoneExpiresAt(event.approximateCreationTime),
          }),
        ];
      const image = (event as unknown as { newImage: T }).newImage;
      const row = { ...transform(image), ...key, [VERSION_ATTRIBUTE]: version };
      return [putIfNewer(table, key, row, VERSION_ATTRIBUTE, { source, tombstones })];
    },
  });
};
