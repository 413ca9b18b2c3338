import { compareSequenceNumbers } from '@sluice/core';
import { rowId } from './rowId.js';
import type { Contribute, Contribution, PutIfNewer, Write } from './write.js';

const zeroed = (c: Contribution): Contribution => {
  const amounts: Record<string, number> = {};
  for (const name of Object.keys(c.amounts)) amounts[name] = 0;
  return { group: c.group, amounts };
};

// Only the latest contribution matters; the groups the item passed through are still touched.
const mergeContributions = (a: Contribute, b: Contribute): Contribute => {
  const swap = compareSequenceNumbers(a.sequenceNumber, b.sequenceNumber) > 0;
  const older = swap ? b : a;
  const newer = swap ? a : b;
  const touches: Contribution[] = [];
  for (const touch of older.alsoTouches) touches.push(touch);
  for (const touch of newer.alsoTouches) touches.push(touch);
  if (older.contribution) touches.push(zeroed(older.contribution));
  // No touch: the later write stands as it is; a single touch needs no deduplication.
  if (touches.length === 0) return newer;
  if (touches.length < 2) return { ...newer, alsoTouches: touches };
  // One table throughout, so the group key alone tells groups apart.
  const seen = new Set<string>();
  const alsoTouches = touches.filter((touch) => {
    const id = rowId('', touch.group);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return { ...newer, alsoTouches };
};

const versionOf = (write: PutIfNewer): string => String(write.row[write.versionAttribute]);

/**
 * Merges two writes planned for one row or marker within one batch into the write that has the
 * same effect as applying both in order. Two writes of different kinds on one row are a
 * programmer error (a projection mixing idempotency rules on one table).
 */
export const mergeWrites = (earlier: Write, later: Write): Write => {
  if (earlier._tag === 'PutRow' && later._tag === 'PutRow') return later;
  if (earlier._tag === 'PutIfNewer' && later._tag === 'PutIfNewer')
    return versionOf(later) >= versionOf(earlier) ? later : earlier;
  if (earlier._tag === 'Contribute' && later._tag === 'Contribute')
    return mergeContributions(earlier, later);
  throw new Error(
    `conflicting writes on one row of table ${later.table}: ${earlier._tag} and ${later._tag}`,
  );
};
