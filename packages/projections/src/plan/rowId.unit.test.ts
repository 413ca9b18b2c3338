import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowId } from './rowId.js';

const scalar = fc.oneof(fc.string(), fc.integer(), fc.uint8Array({ maxLength: 4 }));
const key = fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), scalar, {
  minKeys: 1,
  maxKeys: 3,
});

describe('rowId', () => {
  it('ignores attribute order', () => {
    expect(rowId('t', { a: '1', b: 2 })).toBe(rowId('t', { b: 2, a: '1' }));
  });

  it('two keys get the same id only when they are equal (types included: "1" is not 1)', () => {
    fc.assert(
      fc.property(fc.string(), key, fc.string(), key, (t1, k1, t2, k2) => {
        const equal = t1 === t2 && JSON.stringify(norm(k1)) === JSON.stringify(norm(k2));
        expect(rowId(t1, k1) === rowId(t2, k2)).toBe(equal);
      }),
      { numRuns: 500 },
    );
    expect(rowId('t', { a: '1' })).not.toBe(rowId('t', { a: 1 }));
    expect(rowId('t|1:a', {})).not.toBe(rowId('t', { a: '' }));
  });
});

const norm = (k: Record<string, unknown>) =>
  Object.keys(k)
    .sort()
    .map((n) => {
      const v = k[n];
      return [n, v instanceof Uint8Array ? ['b', [...v]] : [typeof v, v]];
    });
