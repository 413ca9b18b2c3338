import { describe, expect, it } from 'vitest';
import { interleavedRounds } from './interleavedRounds.js';

describe('interleavedRounds', () => {
  it('runs beforeEach, untimed, before every turn of every contestant', async () => {
    const turns: string[] = [];
    const timings = await interleavedRounds(
      [
        { name: 'a', run: () => turns.push('a') },
        { name: 'b', run: () => turns.push('b') },
      ],
      { warmUp: 1, rounds: 2, beforeEach: () => turns.push('gc') },
    );
    expect(turns.filter((t) => t === 'gc')).toHaveLength(6);
    for (let i = 1; i < turns.length; i += 2) expect(turns[i - 1]).toBe('gc');
    expect(timings.map((t) => t.samplesMs.length)).toEqual([2, 2]);
  });
});
