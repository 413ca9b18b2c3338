import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoTime } from './isoTime.js';

describe('isoTime', () => {
  it('formats any date of years 0 to 9999 exactly as toISOString does', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0000-01-01T00:00:00.000Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        (date) => {
          expect(isoTime(date)).toBe(date.toISOString());
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('formats runs of nearby times exactly as toISOString does, across day and year boundaries', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0000-01-01T00:00:00.000Z'),
          max: new Date('9999-12-30T00:00:00.000Z'),
          noInvalidDate: true,
        }),
        fc.array(fc.integer({ min: 0, max: 4 * 3_600_000 }), { minLength: 1, maxLength: 30 }),
        (start, steps) => {
          let ms = start.getTime();
          for (const step of steps) {
            ms += step;
            const date = new Date(ms);
            expect(isoTime(date)).toBe(date.toISOString());
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the right answer again after a different date (the cache holds one entry)', () => {
    const a = new Date(Date.UTC(2024, 1, 29, 23, 59, 59, 7));
    const b = new Date(0);
    expect([isoTime(a), isoTime(b), isoTime(a)]).toEqual([
      a.toISOString(),
      b.toISOString(),
      a.toISOString(),
    ]);
  });
});
