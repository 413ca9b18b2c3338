import type { Clock } from './clock.js';

/** 2024-01-01T00:00:00Z: a fixed, readable default start so tests are deterministic. */
const DEFAULT_START = Date.UTC(2024, 0, 1);

/** A clock that moves only when told to: `advance(ms)` or `set(date)`. */
export class ManualClock implements Clock {
  private ms: number;

  /** Starts at `start` (default 2024-01-01T00:00:00Z). */
  constructor(start: Date | number = DEFAULT_START) {
    this.ms = ManualClock.toMs(start);
  }

  /** The current instant as a fresh `Date` (callers may mutate it without moving the clock). */
  now(): Date {
    return new Date(this.ms);
  }

  /** The current instant in epoch milliseconds. */
  nowMs(): number {
    return this.ms;
  }

  /** Moves the clock forward by `ms` milliseconds (negative values are a programmer error). */
  advance(ms: number): this {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance expects ms >= 0, got ${ms}`);
    this.ms += ms;
    return this;
  }

  /** Jumps to `date`; going backwards is allowed (records keep the times they were stamped with). */
  set(date: Date | number): this {
    this.ms = ManualClock.toMs(date);
    return this;
  }

  private static toMs(value: Date | number): number {
    const ms = typeof value === 'number' ? value : value.getTime();
    if (!Number.isFinite(ms)) throw new RangeError(`not a valid instant: ${String(value)}`);
    return ms;
  }
}
