/**
 * Faults the driver injects on top of Lambda's own retries, each off by default. A number is a
 * probability per opportunity (per successful batch, per invocation, per retry). `true` means the
 * fault DOES happen: at its first opportunity in every drain, then with probability 0.25 — so a
 * test that asks for it always meets it, and the same `seed` replays the same schedule. The
 * report counts what was injected, and lists a `true` fault the run gave no opportunity to.
 */
export interface DeliveryFaults {
  /** Seed of the pseudo-random schedule; default 1. */
  readonly seed?: number;
  /** After a successful batch, deliver the very same batch again (a lost checkpoint). */
  readonly duplicateBatch?: boolean | number;
  /** Run the handler, then drop its response as a timeout would: the batch is retried. */
  readonly loseResponse?: boolean | number;
  /** Give a retried batch a different size, so retried records are grouped differently. */
  readonly regroupRetries?: boolean | number;
  /** Step shards (and parallel lanes) in a random order instead of round-robin; parents first. */
  readonly interleaveShards?: boolean;
  /** Run up to this many batches of different lanes at once (overlapping awaits); default 1. */
  readonly concurrentBatches?: number;
  /** Faults injected in a row on one position before it is let through; default 3. */
  readonly maxFaultsInARow?: number;
}

/** The faults that `true` promises at least once per drain. */
export type CountedFault = 'duplicateBatch' | 'loseResponse' | 'regroupRetries';

/** Faults with defaults applied and probabilities resolved. */
export interface ResolvedFaults {
  readonly seed: number;
  readonly duplicateBatch: number;
  readonly loseResponse: number;
  readonly regroupRetries: number;
  readonly interleaveShards: boolean;
  readonly concurrentBatches: number;
  readonly maxFaultsInARow: number;
  /** Faults asked for with `true`: each is injected at its first opportunity in every drain. */
  readonly atLeastOnce: readonly CountedFault[];
}

/** After its guaranteed first time, a `true` fault recurs with this probability. */
const RECURRENCE = 0.25;

const probability = (value: boolean | number | undefined): number =>
  value === true ? RECURRENCE : typeof value === 'number' ? Math.min(Math.max(value, 0), 1) : 0;

const COUNTED: readonly CountedFault[] = ['duplicateBatch', 'loseResponse', 'regroupRetries'];

/** Applies defaults; probabilities are clamped to [0, 1]; `true` faults are owed once per drain. */
export const resolveFaults = (faults: DeliveryFaults = {}): ResolvedFaults => ({
  seed: faults.seed ?? 1,
  duplicateBatch: probability(faults.duplicateBatch),
  loseResponse: probability(faults.loseResponse),
  regroupRetries: probability(faults.regroupRetries),
  interleaveShards: faults.interleaveShards ?? false,
  concurrentBatches: Math.max(1, Math.floor(faults.concurrentBatches ?? 1)),
  maxFaultsInARow: Math.max(0, Math.floor(faults.maxFaultsInARow ?? 3)),
  atLeastOnce: COUNTED.filter((name) => faults[name] === true),
});
