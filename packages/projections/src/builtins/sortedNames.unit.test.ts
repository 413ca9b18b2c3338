import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortedNames, sortNames } from './sortedNames.js';

const image = fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 8 });

describe('sortedNames', () => {
  it('gives exactly Object.keys(image).sort(), in a fresh array, whatever shapes came before', () => {
    fc.assert(
      fc.property(fc.array(image, { minLength: 1, maxLength: 40 }), (images) => {
        // Repeat the images so cached shapes are hit, and mutate each answer to prove it is a copy.
        for (const item of [...images, ...images]) {
          const names = sortedNames(item);
          expect(names).toEqual(Object.keys(item).sort());
          names.push('~mutated');
        }
        for (const item of images) expect(sortedNames(item)).toEqual(Object.keys(item).sort());
      }),
      { numRuns: 200 },
    );
  });

  it('sortNames sorts like Array.prototype.sort, in place', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 4 }), { maxLength: 40 }), (names) => {
        const expected = [...names].sort();
        expect(sortNames(names)).toEqual(expected);
        expect(names).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
