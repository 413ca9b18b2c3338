import { compareSequenceNumbers, type SequenceNumber } from '@sluice/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeWrites } from './mergeWrites.js';
import { rowId } from './rowId.js';
import type { Contribute, Contribution } from './write.js';

// The merge as first written: a sequence number comparison through `compareSequenceNumbers` and a
// key string per touched group. The planner's merge must give exactly the same write.
const slowMerge = (a: Contribute, b: Contribute): Contribute => {
  const swap = compareSequenceNumbers(a.sequenceNumber, b.sequenceNumber) > 0;
  const older = swap ? b : a;
  const newer = swap ? a : b;
  const touches = [...older.alsoTouches, ...newer.alsoTouches];
  if (older.contribution) {
    const amounts = Object.fromEntries(Object.keys(older.contribution.amounts).map((n) => [n, 0]));
    touches.push({ group: older.contribution.group, amounts });
  }
  if (touches.length === 0) return newer;
  const seen = new Set<string>();
  const alsoTouches = touches.filter((touch) => {
    const id = rowId('', touch.group);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return { ...newer, alsoTouches };
};

// 21 to 40 digits, leading zeros included: lengths differ between items' shards, not within one.
const sequenceNumber = fc
  .tuple(fc.integer({ min: 21, max: 40 }), fc.stringMatching(/^[0-9]{40}$/))
  .map(([length, digits]) => digits.slice(0, length) as SequenceNumber);
const group = fc.record({ list: fc.constantFrom('l1', 'l2', 'l3') });
const contribution: fc.Arbitrary<Contribution> = fc.record({
  group,
  amounts: fc.record({ count: fc.integer({ min: 0, max: 3 }) }),
});
const contribute: fc.Arbitrary<Contribute> = fc.record({
  _tag: fc.constant('Contribute' as const),
  table: fc.constant('counts'),
  markerTable: fc.constant('markers'),
  markerId: fc.constant('counts@1|2:idS1:a'),
  sequenceNumber,
  contribution: fc.option(contribution, { nil: null }),
  alsoTouches: fc.array(contribution, { maxLength: 10 }),
});

describe('mergeWrites of two contributions of one item', () => {
  it('gives what the slow merge gives, whatever the sequence numbers and touched groups', () => {
    fc.assert(
      fc.property(contribute, contribute, (a, b) => {
        expect(mergeWrites(a, b)).toStrictEqual(slowMerge(a, b));
      }),
      { numRuns: 1000 },
    );
  });
});
