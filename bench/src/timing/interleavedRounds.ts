import { performance } from 'node:perf_hooks';
import { median } from './median.js';
import { roundOrder } from './roundOrder.js';

/** One contestant of a timed comparison. */
export interface Contestant {
  readonly name: string;
  readonly run: () => unknown;
}

/** How many untimed and timed rounds. */
export interface RoundsOptions {
  readonly warmUp: number;
  readonly rounds: number;
  /** Runs, untimed, before every contestant's turn (e.g. a minor GC, so each starts on an empty young generation). */
  readonly beforeEach?: () => void;
}

/** The timings of one contestant: every round's wall-clock time, and medians of wall and CPU time. */
export interface Timings {
  readonly name: string;
  readonly samplesMs: readonly number[];
  readonly medianMs: number;
  /** Median CPU time (user + system, all threads, so GC helpers count): steadier on a busy machine. */
  readonly medianCpuMs: number;
}

/**
 * Times the contestants round-robin rather than one after the other, so a burst of load on a
 * shared machine hits all of them alike and the ratios stay meaningful. The order changes from
 * round to round (`roundOrder`), so no contestant always pays for one neighbour's garbage.
 */
export const interleavedRounds = async (
  contestants: readonly Contestant[],
  options: RoundsOptions,
): Promise<Timings[]> => {
  const samples = contestants.map(() => [] as number[]);
  const cpuSamples = contestants.map(() => [] as number[]);
  for (let round = 0; round < options.warmUp + options.rounds; round++) {
    for (const i of roundOrder(round, contestants.length)) {
      options.beforeEach?.();
      const cpu = process.cpuUsage();
      const start = performance.now();
      await contestants[i]!.run();
      const elapsed = performance.now() - start;
      const used = process.cpuUsage(cpu);
      if (round < options.warmUp) continue;
      samples[i]!.push(elapsed);
      cpuSamples[i]!.push((used.user + used.system) / 1000);
    }
  }
  return contestants.map((c, i) => ({
    name: c.name,
    samplesMs: samples[i]!,
    medianMs: median(samples[i]!),
    medianCpuMs: median(cpuSamples[i]!),
  }));
};
