import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedAttributes } from './changedAttributes.js';
import { valueEquals } from './valueEquals.js';

describe('changedAttributes', () => {
  it('names added, removed and changed attributes, comparing nested values, sets and binary by content', () => {
    const before = {
      a: 1,
      b: { c: [1, 2] },
      s: new Set(['x']),
      bin: new Uint8Array([1]),
      gone: true,
    };
    const after = {
      a: 1,
      b: { c: [1, 3] },
      s: new Set(['x']),
      bin: new Uint8Array([1]),
      added: 'y',
    };
    expect(changedAttributes(before, after)).toEqual(['added', 'b', 'gone']);
  });

  it('an image compared with a deep copy of itself has no changed attribute', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
      node: fc.oneof(
        { depthSize: 'small' },
        tie('leaf'),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(fc.string({ maxLength: 3 }), tie('node'), { maxKeys: 3 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 4 }), value), (image) => {
        expect(changedAttributes(image, structuredClone(image))).toEqual([]);
      }),
    );
  });

  it('tells a list from a map and a set from a list', () => {
    expect(valueEquals([1], { 0: 1 })).toBe(false);
    expect(valueEquals(new Set([1]), [1])).toBe(false);
    // Same number of names, other names: unequal even where both read `undefined`.
    expect(valueEquals({ a: undefined, c: 1 }, { b: undefined, c: 1 })).toBe(false);
    expect(valueEquals(new Set([new Uint8Array([1])]), new Set([new Uint8Array([1])]))).toBe(true);
  });
  it('names exactly the attributes added, removed or deeply changed, sorted, for random image pairs', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.constantFrom('a', 'b', 1, 2, true, null)),
      node: fc.oneof(
        { depthSize: 'small' },
        tie('leaf'),
        fc.array(tie('node'), { maxLength: 2 }),
        fc.dictionary(fc.constantFrom('x', 'y'), tie('node'), {
          maxKeys: 2,
          noNullPrototype: true,
        }),
        fc.uniqueArray(fc.constantFrom('p', 'q', 'r'), { maxLength: 2 }).map((v) => new Set(v)),
      ),
    })).node;
    const image = fc.dictionary(fc.constantFrom('k', 'b', 'a', 'z', 'm'), value, {
      maxKeys: 5,
      noNullPrototype: true,
    });
    fc.assert(
      fc.property(image, image, (before, after) => {
        const names = new Set([...Object.keys(before), ...Object.keys(after)]);
        const expected = [...names]
          .filter(
            (n) =>
              !Object.hasOwn(before, n) ||
              !Object.hasOwn(after, n) ||
              !isDeepStrictEqual(before[n], after[n]),
          )
          .sort();
        expect(changedAttributes(before, after)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the obvious comparison when the new image keeps the old one’s name order, with values swapped, names dropped or added', () => {
    const value = fc.oneof(
      fc.constantFrom('a', 1, true, null),
      fc.constantFrom('x', 'y').map((k) => ({ [k]: { deep: k } })),
      fc.constantFrom(1, 2).map((n) => new Set([n])),
    );
    const obvious = (before: Record<string, unknown>, after: Record<string, unknown>) =>
      [...new Set([...Object.keys(before), ...Object.keys(after)])]
        .filter(
          (n) =>
            !Object.hasOwn(before, n) ||
            !Object.hasOwn(after, n) ||
            !isDeepStrictEqual(before[n], after[n]),
        )
        .sort();
    const names = ['m', 'b', 'z', 'a', 'k', 'c'];
    fc.assert(
      fc.property(
        fc.array(value, { minLength: names.length, maxLength: names.length }),
        fc.array(fc.option(value, { nil: undefined }), {
          minLength: names.length,
          maxLength: names.length,
        }),
        fc.subarray(names),
        fc.option(fc.constantFrom('y', 'd'), { nil: undefined }),
        (values, replaced, dropped, added) => {
          const before: Record<string, unknown> = {};
          const after: Record<string, unknown> = {};
          names.forEach((name, i) => {
            before[name] = values[i];
            if (!dropped.includes(name))
              after[name] = replaced[i] === undefined ? structuredClone(values[i]) : replaced[i];
          });
          if (added !== undefined) after[added] = 1;
          expect(changedAttributes(before, after)).toEqual(obvious(before, after));
          expect(changedAttributes(after, before)).toEqual(obvious(after, before));
        },
      ),
      { numRuns: 500 },
    );
  });
});
