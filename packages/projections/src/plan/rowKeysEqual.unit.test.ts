import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowId } from './rowId.js';
import { rowKeysEqual } from './rowKeysEqual.js';

// Few names and values, so equal keys come up often; doubles include NaN and -0.
const scalar = fc.oneof(
  fc.constantFrom('a', 'b', '1'),
  fc.constantFrom(1, 2, -0, 0, Number.NaN),
  fc.uint8Array({ maxLength: 2 }).map((bytes) => (bytes.length % 2 ? Buffer.from(bytes) : bytes)),
);
const key = fc.dictionary(fc.constantFrom('a', 'b', 'toString', 'c'), scalar, {
  minKeys: 0,
  maxKeys: 3,
});

describe('rowKeysEqual', () => {
  it('says two keys are equal exactly when their rowIds are', () => {
    fc.assert(
      fc.property(key, key, (a, b) => {
        expect(rowKeysEqual(a, b)).toBe(rowId('', a) === rowId('', b));
      }),
      { numRuns: 2000 },
    );
  });

  it('compares bytes by content and keeps types apart', () => {
    expect(rowKeysEqual({ a: new Uint8Array([1]) }, { a: Buffer.from([1]) })).toBe(true);
    expect(rowKeysEqual({ a: '1' }, { a: 1 })).toBe(false);
    expect(rowKeysEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
});
