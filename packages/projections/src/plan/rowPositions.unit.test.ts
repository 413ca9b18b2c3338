import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RowKey } from './row.js';
import { rowId } from './rowId.js';
import { RowPositions } from './rowPositions.js';

// Few names and values, so that keys meet often: text and numbers that print alike, NaN, -0,
// bytes, and names in either order.
const value = fc.constantFrom<string | number | Uint8Array>(
  '1',
  '',
  1,
  -0,
  0,
  Number.NaN,
  new Uint8Array([1]),
  new Uint8Array([1]),
);
const key = fc
  .uniqueArray(fc.constantFrom('pk', 'sk', 'id'), { minLength: 0, maxLength: 3 })
  .chain((names) => fc.tuple(...names.map((name) => value.map((v) => [name, v] as const))))
  .map((entries): RowKey => Object.fromEntries(entries));

describe('RowPositions', () => {
  it('finds a position exactly where a Map by rowId finds one, for any keys of any tables', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('t1', 't2'), key, fc.boolean()), { maxLength: 40 }),
        (steps) => {
          const positions = new RowPositions();
          const byId = new Map<string, number>();
          steps.forEach(([table, k, write], at) => {
            expect(positions.get(table, k)).toBe(byId.get(rowId(table, k)));
            if (write) {
              positions.set(table, k, at);
              byId.set(rowId(table, k), at);
            }
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('finds a row whatever the order of its key attributes', () => {
    const positions = new RowPositions();
    positions.set('t', { pk: 'a', sk: 1 }, 7);
    expect(positions.get('t', { sk: 1, pk: 'a' })).toBe(7);
    expect(positions.get('t', { sk: 'a', pk: 1 })).toBeUndefined();
  });
});
