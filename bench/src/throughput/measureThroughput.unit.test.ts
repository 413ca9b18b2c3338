import { describe, expect, it } from 'vitest';
import { measureThroughput } from './measureThroughput.js';

describe('measureThroughput at a tiny size (so the benchmark cannot rot)', () => {
  it('runs every contestant on the whole event and reports a rate for each', async () => {
    const result = await measureThroughput({ records: 60, warmUp: 0, rounds: 2 });
    expect(result.mix.INSERT + result.mix.MODIFY + result.mix.REMOVE).toBe(60);
    expect(Math.min(result.mix.INSERT, result.mix.MODIFY, result.mix.REMOVE)).toBeGreaterThan(0);
    for (const rate of [
      result.handWritten,
      result.handWrittenProjections,
      result.powertools,
      result.powertoolsUnvalidated,
      result.sluice,
      result.sluiceDecodeOnly,
      result.sluiceDecodeAndPlan,
    ]) {
      expect(rate.samplesMs).toHaveLength(2);
      expect(rate.recordsPerSecond).toBeGreaterThan(0);
    }
    expect(result.gc.sluice.wallMs).toBeGreaterThan(0);
    expect(result.gc.handWrittenProjections.share).toBeGreaterThanOrEqual(0);
  });
});
