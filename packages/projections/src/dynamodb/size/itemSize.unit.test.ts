import { describe, expect, it } from 'vitest';
import { itemSize, MAX_ITEM_BYTES, valueSize } from './itemSize.js';

describe('itemSize', () => {
  it('counts attribute names and string values in UTF-8 bytes', () => {
    expect(itemSize({ pk: 'big', v: 'x'.repeat(10) })).toBe(2 + 3 + 1 + 10);
    expect(itemSize({ é: 'ü' })).toBe(2 + 2);
  });

  it('sits exactly on the limit DynamoDB Local enforces (409 600 bytes accepted, one more refused)', () => {
    expect(itemSize({ pk: 'big', v: 'x'.repeat(409_594) })).toBe(MAX_ITEM_BYTES);
  });

  it('sizes numbers by significant digits', () => {
    expect(valueSize(0)).toBe(2);
    expect(valueSize(12345)).toBe(4);
    expect(valueSize(0.005)).toBe(2);
    expect(valueSize(-1200)).toBe(2);
  });

  it('adds 3 bytes per list or map and 1 per element', () => {
    expect(valueSize([])).toBe(3);
    expect(valueSize(['ab', true])).toBe(3 + 1 + 2 + 1 + 1);
    expect(valueSize({ a: null })).toBe(3 + 1 + 1 + 1);
  });

  it('sizes binaries and sets by their contents', () => {
    expect(valueSize(new Uint8Array(7))).toBe(7);
    expect(valueSize(new Set(['ab', 'c']))).toBe(3);
  });
});
