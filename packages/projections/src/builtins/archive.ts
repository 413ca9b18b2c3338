import { type ChangeEvent, sortableSequenceNumber, type WithOldImage } from '@sluice/core';
import type { RowKey } from '../plan/row.js';
import type { Write } from '../plan/write.js';
import { defineProjection, type Projection } from '../projection/projection.js';
import { type BuiltinOptions, builtinDefinition } from './builtinOptions.js';
import { isoTime } from './isoTime.js';

/** Settings of an archive projection. */
export interface ArchiveOptions<T, V extends WithOldImage, K> extends BuiltinOptions<T, K> {
  /** The archive table, keyed like the source table unless `key` says otherwise. */
  readonly table: string;
  /** The archive keeps the old image, so the stream must carry it. */
  readonly viewType: V;
  /** `ttl`: archive only removals by DynamoDB's TTL process; `all` (default): every removal. */
  readonly removals?: 'all' | 'ttl';
  /** The archive row's key; default: the source item's key attributes. */
  readonly key?: (event: ChangeEvent<T, V, K>) => RowKey;
}

const NOTHING: readonly Write[] = [];

/**
 * On REMOVE, keeps the old image with the removal time, cause and sequence number
 * (`{ ...key, item, removedAt, removedBy, sequenceNumber }`). The row is put only when no row of
 * that key has an equal or newer sequence number (`PutIfNewer`): a replay rewrites nothing and,
 * when a key is re-created and removed again, the newest removal wins.
 */
export const archive = <T, V extends WithOldImage, K = Record<string, unknown>>(
  options: ArchiveOptions<T, V, K>,
): Projection<T, V, K> => {
  const { table } = options;
  const onlyTtl = options.removals === 'ttl';
  const keyOf = options.key ?? ((event) => event.keys as unknown as RowKey);
  return defineProjection<T, V, K>({
    ...builtinDefinition(options),
    tables: [options.table],
    plan: (event): readonly Write[] => {
      if (event.eventName !== 'REMOVE') return NOTHING;
      if (onlyTtl && event.removedBy !== 'ttl') return NOTHING;
      const key = keyOf(event);
      const row = {
        item: (event as { oldImage: T }).oldImage,
        removedAt: isoTime(event.approximateCreationTime),
        removedBy: event.removedBy,
        sequenceNumber: sortableSequenceNumber(event.sequenceNumber),
        ...key,
      };
      return [{ _tag: 'PutIfNewer', table, key, row, versionAttribute: 'sequenceNumber' }];
    },
  });
};
