import { type PerformanceEntry, PerformanceObserver, performance } from 'node:perf_hooks';

/** How much of a contestant's wall-clock time the garbage collector paused the main thread. */
export interface GcShare {
  readonly wallMs: number;
  readonly gcMs: number;
  /** `gcMs / wallMs`. */
  readonly share: number;
}

/**
 * Runs `run` alone `rounds` times after one untimed round and a full collection, and sums V8's `gc` performance entries
 * (main-thread pauses) over the whole stretch. Alone, so the collections its own garbage causes
 * are not billed to another contestant, as they can be in round-robin timing.
 */
export const gcShare = async (run: () => unknown, rounds: number): Promise<GcShare> => {
  await run();
  // Start from a clean heap (under --expose-gc), so no earlier garbage is collected and billed here.
  (globalThis as { gc?: () => void }).gc?.();
  const gc: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => {
    gc.push(...list.getEntries());
  });
  observer.observe({ entryTypes: ['gc'] });
  const start = performance.now();
  for (let i = 0; i < rounds; i++) await run();
  const wallMs = performance.now() - start;
  // V8 reports a collection after it ends, from a later task: let those reports arrive.
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 5));
  gc.push(...observer.takeRecords());
  observer.disconnect();
  const gcMs = gc.reduce((sum, e) => sum + e.duration, 0);
  return { wallMs, gcMs, share: gcMs / wallMs };
};
