import { describe, expect, it } from 'vitest';
import { gcShare } from './gcShare.js';

describe('gcShare', () => {
  it('sees the collections a garbage-heavy run causes, and few for a run that allocates nothing', async () => {
    const garbage = await gcShare(() => {
      let keep: unknown[] = [];
      for (let i = 0; i < 300_000; i++) {
        keep.push({ i, text: `item ${i}` });
        if (keep.length > 50_000) keep = [];
      }
      return keep.length;
    }, 3);
    expect(garbage.gcMs).toBeGreaterThan(0);
    expect(garbage.share).toBeGreaterThan(0);
    expect(garbage.share).toBeLessThan(1);
    let sum = 0;
    const quiet = await gcShare(() => {
      for (let i = 0; i < 1_000_000; i++) sum += i;
    }, 3);
    expect(quiet.gcMs).toBeLessThan(garbage.gcMs);
    expect(sum).toBeGreaterThan(0);
  });
});
