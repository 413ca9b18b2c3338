import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunks } from './chunks.js';

describe('chunks', () => {
  it('keeps every item, in order, in chunks within both the count and the size limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 30 }),
        (sizes, maxCount) => {
          const out = chunks(sizes, maxCount, 100, (s) => s);
          expect(out.flat()).toEqual(sizes);
          for (const chunk of out) {
            expect(chunk.length).toBeGreaterThan(0);
            expect(chunk.length).toBeLessThanOrEqual(maxCount);
            expect(chunk.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(100);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('cuts 1000 rows into 40 BatchWriteItem requests', () => {
    expect(chunks(Array.from({ length: 1000 }), 25, Infinity, () => 0)).toHaveLength(40);
  });
});
