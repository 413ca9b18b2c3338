import { type ChangeEvent, sortableSequenceNumber } from '@sluice/core';
import type { RowKey } from '../plan/row.js';
import { deleteIfNewer, putIfNewer, tombstoneExpiresAt, type Write } from '../plan/write.js';
import { defineProjection, type Projection } from '../projection/projection.js';
import { type BuiltinOptions, builtinDefinition } from './builtinOptions.js';
import { VERSION_ATTRIBUTE } from './versionAttribute.js';

/** The lookup row's sort key: the identity of the source item claiming the value (`event.itemKey`). */
export const CLAIMED_BY_ATTRIBUTE = 'claimedBy';

/** Settings of a lookup projection (a unique secondary key: value → source item key). */
export interface LookupOptions<T, K> extends BuiltinOptions<T, K> {
  /**
   * The lookup table: partition key `valueAttribute` (S), sort key `claimedBy` (S). Query a value's
   * partition to find who holds it (`lookupOwner`).
   */
  readonly table: string;
  /** The lookup's tombstone table (`tombstoneTableSpec`): a released claim never comes back. */
  readonly tombstones: string;
  /** A change of value releases the old one, which only the old image tells. */
  readonly viewType: 'NEW_AND_OLD_IMAGES';
  /** The looked-up value of an item (e.g. its e-mail address); `undefined`: it claims nothing. */
  readonly value: (item: T) => string | undefined;
  /** The partition key's name in the lookup table; default `value`. */
  readonly valueAttribute?: string;
}

/**
 * Maintains `value → source item key`, one row per (value, claiming item): `{ [valueAttribute],
 * claimedBy, owner: <the item's key attributes>, sluiceVersion }`. A change of value deletes the
 * old claim and puts the new one; a removal deletes the claim. Every row belongs to one source
 * item and is versioned by that item's own sequence numbers, so no two items' versions are ever
 * compared and the final rows never depend on how shards were interleaved: a value's rows are
 * exactly the items holding it. Two items holding one value are both kept: `lookupOwner` reports
 * the value as contested rather than letting delivery order pick a winner.
 */
export const lookup = <T, K = Record<string, unknown>>(
  options: LookupOptions<T, K>,
): Projection<T, 'NEW_AND_OLD_IMAGES', K> => {
  const { table, tombstones, value: claimOf } = options;
  const valueAttribute = options.valueAttribute ?? 'value';
  if (valueAttribute === CLAIMED_BY_ATTRIBUTE)
    throw new TypeError(
      `lookup ${options.name}: valueAttribute cannot be "${CLAIMED_BY_ATTRIBUTE}"`,
    );
  const keyOf = (value: string, claimedBy: string): RowKey => ({
    [valueAttribute]: value,
    [CLAIMED_BY_ATTRIBUTE]: claimedBy,
  });
  return defineProjection<T, 'NEW_AND_OLD_IMAGES', K>({
    ...builtinDefinition(options),
    tables: [table, tombstones],
    plan: (event: ChangeEvent<T, 'NEW_AND_OLD_IMAGES', K>): readonly Write[] => {
      const version = sortableSequenceNumber(event.sequenceNumber);
      const before = event.eventName === 'INSERT' ? undefined : claimOf(event.oldImage);
      const after = event.eventName === 'REMOVE' ? undefined : claimOf(event.newImage);
      const writes: Write[] = [];
      if (before !== undefined && before !== after)
        writes.push(
          deleteIfNewer(table, keyOf(before, event.itemKey), version, VERSION_ATTRIBUTE, {
            tombstones,
            expiresAt: tombstoneExpiresAt(event.approximateCreationTime),
          }),
        );
      if (after !== undefined) {
        const key = keyOf(after, event.itemKey);
        const row = { ...key, owner: event.keys, [VERSION_ATTRIBUTE]: version };
        writes.push(putIfNewer(table, key, row, VERSION_ATTRIBUTE, { tombstones }));
      }
      return writes;
    },
  });
};
