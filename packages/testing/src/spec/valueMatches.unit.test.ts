import { describe, expect, it } from 'vitest';
import { valueMatches } from './valueMatches.js';

describe('valueMatches', () => {
  it('compares nested values exactly: same keys, same array order, sets in any order, binary by content', () => {
    const row = {
      a: 1,
      m: { l: [1, 'x'] },
      s: new Set(['x', 'y']),
      b: new Uint8Array([1, 2]),
      n: Number.NaN,
    };
    const copy = {
      a: 1,
      m: { l: [1, 'x'] },
      s: new Set(['y', 'x']),
      b: new Uint8Array([1, 2]),
      n: Number.NaN,
    };
    expect(valueMatches(row, copy)).toBe(true);
    expect(valueMatches(row, { ...copy, extra: 1 })).toBe(false);
    expect(valueMatches({ ...row, extra: undefined }, copy)).toBe(false);
    expect(valueMatches(row, { ...copy, m: { l: ['x', 1] } })).toBe(false);
    expect(valueMatches(row, { ...copy, b: new Uint8Array([1, 3]) })).toBe(false);
    expect(valueMatches(new Set([new Uint8Array([1])]), new Set([new Uint8Array([1])]))).toBe(true);
    expect(valueMatches([1], { 0: 1 })).toBe(false);
    expect(valueMatches(new Set([1]), [1])).toBe(false);
    expect(valueMatches(1, '1')).toBe(false);
  });

  it('lets an asymmetric matcher decide, at any depth', () => {
    expect(valueMatches({ id: expect.any(String), n: 2 }, { id: 'x', n: 2 })).toBe(true);
    expect(valueMatches({ id: expect.any(String) }, { id: 3 })).toBe(false);
    expect(valueMatches(expect.objectContaining({ a: 1 }), { a: 1, b: 2 })).toBe(true);
  });
});
