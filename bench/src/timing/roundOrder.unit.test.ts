import { describe, expect, it } from 'vitest';
import { roundOrder } from './roundOrder.js';

describe('roundOrder', () => {
  it('runs every contestant once per round', () => {
    for (const n of [1, 2, 3, 6, 7, 8])
      for (let round = 0; round < 20; round++)
        expect([...roundOrder(round, n)].sort((a, b) => a - b)).toEqual(
          Array.from({ length: n }, (_, i) => i),
        );
  });

  it('gives each of seven contestants every other one as predecessor within six rounds', () => {
    for (let contestant = 0; contestant < 7; contestant++) {
      const predecessors = new Set<number>();
      for (let round = 0; round < 6; round++) {
        const order = roundOrder(round, 7);
        const at = order.indexOf(contestant);
        if (at > 0) predecessors.add(order[at - 1]!);
      }
      expect(predecessors.size).toBeGreaterThanOrEqual(5);
    }
  });
});
