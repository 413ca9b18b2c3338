import { describe, expect, it } from 'vitest';
import { ProgressDisplay } from './progressDisplay.js';
import { formatDuration, progressBar, progressLine } from './progressLine.js';

const halfway = { scanned: 5_000, total: 10_000, rate: 500, segmentsDone: 1, segments: 4 };

describe('progress display', () => {
  it('draws a bar with the share of the approximate item count, the rate and an ETA', () => {
    const bar = progressBar(halfway, 80);
    expect(bar).toMatch(/^\[█+░+\] {2}50% 5,000\/~10,000 · 500\/s · ETA 10s$/);
    expect(bar.length).toBeLessThanOrEqual(80);
  });

  it('never shows 100% before every segment is done (the item count is approximate)', () => {
    expect(progressBar({ ...halfway, scanned: 12_000 }, 80)).toContain(' 99% ');
    expect(progressBar({ ...halfway, scanned: 12_000, segmentsDone: 4 }, 80)).toContain('100% ');
  });

  it('writes plain lines for logs, without a percentage when the item count is unknown', () => {
    expect(progressLine(halfway)).toBe(
      '5,000 / ~10,000 items (50%), 500 items/s, ETA 10s, 1/4 segments done',
    );
    expect(progressLine({ ...halfway, total: 0 })).toBe(
      '5,000 items, 500 items/s, 1/4 segments done',
    );
  });

  it('formats durations for people', () => {
    expect([formatDuration(4_400), formatDuration(185_000), formatDuration(7_440_000)]).toEqual([
      '4s',
      '3m 05s',
      '2h 04m',
    ]);
  });

  it('redraws the bar in place on a terminal, and prints a line per interval otherwise', () => {
    let now = 0;
    const events = (display: ProgressDisplay) => {
      display.onEvent({
        _tag: 'ScanStarted',
        backfillId: 'b',
        tableName: 'Orders',
        totalSegments: 2,
        approximateItemCount: 100,
        finishedSegments: 0,
        alreadyScanned: 0,
      });
      for (let page = 1; page <= 10; page++) {
        now += 500;
        display.onEvent({
          _tag: 'PageApplied',
          segment: page % 2,
          items: 10,
          readUnits: 1,
          scanned: page * 10,
        });
      }
      display.onEvent({ _tag: 'SegmentFinished', segment: 0, scanned: 50 });
      display.onEvent({ _tag: 'SegmentFinished', segment: 1, scanned: 50 });
      display.onEvent({ _tag: 'ScanFinished', complete: true, scanned: 100 });
    };
    let terminal = '';
    events(
      new ProgressDisplay(
        { write: (s) => (terminal += s), columns: 100, isTTY: true },
        'bar',
        10_000,
        () => now,
      ),
    );
    expect(terminal).toContain('\r[');
    expect(terminal).toMatch(/100% 100\/~100 · 20\/s/);
    expect(terminal.endsWith('\n')).toBe(true);

    let log = '';
    events(new ProgressDisplay({ write: (s) => (log += s) }, 'lines', 2_000, () => now));
    const lines = log.trim().split('\n');
    expect(lines[0]).toBe('scanning Orders in 2 segments, about 100 items');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeLessThanOrEqual(6);
    expect(lines.at(-1)).toBe('100 / ~100 items (100%), 20 items/s, done, 2/2 segments done');
    expect(log).not.toContain('\r');
  });
});
