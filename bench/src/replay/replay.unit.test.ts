import { describe, expect, it } from 'vitest';
import { replay } from './replay.js';

describe('replay at a tiny size (so the benchmark cannot rot)', () => {
  it('projects every change, trims the stream behind the retention window and records memory', async () => {
    const result = await replay({ changes: 4000, retentionShare: 0.25, checkpoints: 4 });
    expect(result.historyRows).toBe(4000);
    expect(result.aggregateRows).toBeGreaterThan(0);
    expect(result.archiveRows).toBeGreaterThan(0);
    expect(result.checkpoints.map((c) => c.consumed)).toEqual([1000, 2000, 3000, 4000]);
    // 24 hours hold a quarter of the run; trimming is lazy, so allow one extra window's worth.
    const held = result.checkpoints[result.checkpoints.length - 1]!.streamRecords;
    expect(held).toBeLessThan(4000);
    expect(held).toBeLessThanOrEqual(2 * 1000 + 1);
    expect(result.eventsPerSecond).toBeGreaterThan(0);
    expect(result.peakRssBytes).toBeGreaterThan(0);
    // Removed items' markers expire 25 h after the removal: what stays is a marker per live item
    // plus at most one per change of the last 25 hours, not one per item ever seen.
    const lastWindow = Math.ceil(4000 * 0.25 * (25 / 24));
    expect(result.unexpiredMarkerRows).toBeLessThanOrEqual(result.liveItems! + lastWindow);
    expect(result.markerRows).toBeGreaterThan(result.unexpiredMarkerRows!);
  });

  it('runs the reference pipeline over the same records without writing anything', async () => {
    const result = await replay({
      changes: 2000,
      retentionShare: 0.5,
      pipeline: 'unmarshall',
      checkpoints: 2,
    });
    expect(result.pipeline).toBe('unmarshall');
    expect(result.historyRows + result.aggregateRows + result.archiveRows).toBe(0);
    expect(result.checkpoints.map((c) => c.consumed)).toEqual([1000, 2000]);
  });
});
