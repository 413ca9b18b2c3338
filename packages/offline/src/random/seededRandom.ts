/** A deterministic pseudo-random source: the same seed replays the same schedule or workload. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** True with probability `p` (draws nothing when `p` is 0 or less). */
  chance(p: number): boolean;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<A>(items: readonly A[]): A;
}

/** mulberry32: tiny, fast and good enough for schedules and workloads; the same seed gives the same run. */
export const seededRandom = (seed: number): SeededRandom => {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    chance: (p) => p > 0 && next() < p,
    int,
    pick: (items) => items[int(0, items.length - 1)]!,
  };
};
