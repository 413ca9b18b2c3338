import type { Clock } from './clock.js';

/** 2024-01-01T00:00:00Z: a fixed, readable default start so tests are deterministic. */
const DEFAULT_START = Date.UTC(2024, 0, 1);

interface Sleeper {
  readonly at: number;
  readonly wake: () => void;
}

// Several macrotask turns, so promise chains of in-memory I/O all run before time moves.
const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

const toMs = (value: Date | number): number => {
  const ms = typeof value === 'number' ? value : value.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`not a valid instant: ${String(value)}`);
  return ms;
};

/**
 * The test twin of `systemClock`: time moves only when told to (`advance`, `set`), and sleeps end
 * only when time reaches them. `runUntil` and `runFor` drive code that sleeps (leases, backoff),
 * so minutes of virtual time run in milliseconds, in the same order every time.
 */
export class ManualClock implements Clock {
  private ms: number;
  private sleepers: Sleeper[] = [];

  /** Starts at `start` (default 2024-01-01T00:00:00Z). */
  constructor(start: Date | number = DEFAULT_START) {
    this.ms = toMs(start);
  }

  /** The current instant in epoch milliseconds. */
  now(): number {
    return this.ms;
  }

  /** Resolves once the clock has been moved `ms` further, or early when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const sleeper: Sleeper = { at: this.ms + Math.max(0, ms), wake: resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener(
        'abort',
        () => {
          this.sleepers = this.sleepers.filter((s) => s !== sleeper);
          resolve();
        },
        { once: true },
      );
    });
  }

  /** Moves the clock forward by `ms` milliseconds (negative values are a programmer error). */
  advance(ms: number): this {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance expects ms >= 0, got ${ms}`);
    this.ms += ms;
    this.wakeDue();
    return this;
  }

  /** Jumps to `date`; going backwards is allowed (records keep the times they were stamped with). */
  set(date: Date | number): this {
    this.ms = toMs(date);
    this.wakeDue();
    return this;
  }

  /** Advances sleeper by sleeper until `done()` holds; throws past `limitMs` of virtual time. */
  async runUntil(done: () => boolean, limitMs: number): Promise<void> {
    const deadline = this.ms + limitMs;
    for (;;) {
      await settle();
      if (done()) return;
      if (this.sleepers.length === 0) throw new Error(`nothing left to run at ${this.ms} ms`);
      if (!this.wakeNext(deadline))
        throw new Error(`condition not met within ${limitMs} ms of virtual time`);
    }
  }

  /** Lets `ms` of virtual time pass, waking each sleeper at its time and settling in between. */
  async runFor(ms: number): Promise<void> {
    const until = this.ms + ms;
    do await settle();
    while (this.wakeNext(until));
    this.ms = Math.max(this.ms, until);
    await settle();
  }

  // Jumps to the earliest sleeper due by `limit` and wakes every sleeper due then; false if none is.
  private wakeNext(limit: number): boolean {
    const next = Math.min(...this.sleepers.map((s) => s.at));
    if (!(next <= limit)) return false;
    this.ms = Math.max(this.ms, next);
    this.wakeDue();
    return true;
  }

  private wakeDue(): void {
    const due = this.sleepers.filter((s) => s.at <= this.ms).sort((a, b) => a.at - b.at);
    this.sleepers = this.sleepers.filter((s) => s.at > this.ms);
    for (const sleeper of due) sleeper.wake();
  }
}
