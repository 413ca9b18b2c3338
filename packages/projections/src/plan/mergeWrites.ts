import { compareSequenceNumbers, type SequenceNumber } from '@sluice/core';
import { rowId } from './rowId.js';
import { rowKeysEqual } from './rowKeysEqual.js';
import type { Contribute, Contribution, DeleteIfNewer, PutIfNewer, Write } from './write.js';

const zeroed = (c: Contribution): Contribution => {
  const amounts: Record<string, number> = {};
  for (const name of Object.keys(c.amounts)) amounts[name] = 0;
  return { group: c.group, amounts };
};

// Digit strings of one length compare as strings; one item's sequence numbers nearly always do.
const isNewer = (a: SequenceNumber, b: SequenceNumber): boolean =>
  a.length === b.length ? a > b : compareSequenceNumbers(a, b) > 0;

// Up to this many touches, comparing group keys pairwise is cheaper than a key string each.
const PAIRWISE_MAX = 8;

const distinctGroups = (touches: Contribution[]): Contribution[] => {
  if (touches.length <= PAIRWISE_MAX) {
    const kept: Contribution[] = [];
    outer: for (const touch of touches) {
      for (const other of kept) if (rowKeysEqual(other.group, touch.group)) continue outer;
      kept.push(touch);
    }
    return kept;
  }
  // One table throughout, so the group key alone tells groups apart.
  const seen = new Set<string>();
  return touches.filter((touch) => {
    const id = rowId('', touch.group);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
};

// Only the latest contribution matters; the groups the item passed through are still touched.
const mergeContributions = (a: Contribute, b: Contribute): Contribute => {
  const swap = isNewer(a.sequenceNumber, b.sequenceNumber);
  const older = swap ? b : a;
  const newer = swap ? a : b;
  const touches: Contribution[] = [];
  for (const touch of older.alsoTouches) touches.push(touch);
  for (const touch of newer.alsoTouches) touches.push(touch);
  if (older.contribution) touches.push(zeroed(older.contribution));
  // No touch: the later write stands as it is; a single touch needs no deduplication.
  if (touches.length === 0) return newer;
  return { ...newer, alsoTouches: touches.length < 2 ? touches : distinctGroups(touches) };
};

type IfNewer = PutIfNewer | DeleteIfNewer;

const versionOf = (write: IfNewer): string =>
  write._tag === 'DeleteIfNewer' ? write.version : String(write.row[write.versionAttribute]);

/**
 * Whether two writes of one row can become one: they must come from one source item (versions of
 * two items do not compare) and name one tombstone table. A put after a delete stays apart: the
 * delete's tombstone must land whatever the batching, so both stores hold the same tombstones.
 */
export const mergeable = (earlier: Write, later: Write): boolean => {
  if (earlier._tag === 'PutRow' || earlier._tag === 'Contribute') return true;
  if (later._tag === 'PutRow' || later._tag === 'Contribute') return true;
  if (earlier._tag === 'DeleteIfNewer' && later._tag === 'PutIfNewer') return false;
  return earlier.source === later.source && earlier.tombstones === later.tombstones;
};

/**
 * Merges two writes planned for one row or marker within one batch into the write that has the
 * same effect as applying both in order (for `PutIfNewer`/`DeleteIfNewer`, only when `mergeable`:
 * the newer one stands). Two writes of different kinds on one row are a programmer error (a
 * projection mixing idempotency rules on one table).
 */
export const mergeWrites = (earlier: Write, later: Write): Write => {
  if (earlier._tag === 'PutRow' && later._tag === 'PutRow') return later;
  if (
    (earlier._tag === 'PutIfNewer' || earlier._tag === 'DeleteIfNewer') &&
    (later._tag === 'PutIfNewer' || later._tag === 'DeleteIfNewer')
  )
    return versionOf(later) >= versionOf(earlier) ? later : earlier;
  if (earlier._tag === 'Contribute' && later._tag === 'Contribute')
    return mergeContributions(earlier, later);
  throw new Error(
    `conflicting writes on one row of table ${later.table}: ${earlier._tag} and ${later._tag}`,
  );
};
