import { describe, expect, it } from 'vitest';
import type { BackfillResult } from '../backfill/backfill.js';
import { summaryText } from './summaryText.js';

const result = (over: Partial<BackfillResult>): BackfillResult => ({
  backfillId: 'Orders:orderTotals@1',
  tableName: 'Orders',
  complete: true,
  totalSegments: 2,
  scanned: 10,
  alreadyScanned: 0,
  pages: 2,
  readUnits: 1,
  written: 10,
  unchanged: 0,
  poison: 0,
  elapsedMs: 1000,
  followed: true,
  caughtUp: true,
  gap: false,
  ...over,
});

describe('the summary of a backfill', () => {
  it('says caught up only when the result is, and names a gap instead of hiding it', () => {
    expect(summaryText(result({}))).toContain(
      'live stream: caught up: the projections hold every change made since the backfill began',
    );
    const gap = summaryText(result({ caughtUp: false, gap: true, followed: false }));
    expect(gap).not.toContain('live stream: caught up');
    expect(gap).toContain('NOT provably caught up');
    expect(gap).toContain('--backfill-id');
    expect(summaryText(result({ caughtUp: false }))).not.toContain('live stream');
  });
});
