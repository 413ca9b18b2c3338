import type { PollerClock } from '../pollerClock.js';

interface Timer {
  readonly at: number;
  readonly resolve: () => void;
}

// Several macrotask turns, so promise chains of in-memory I/O all run before time moves.
const settleAll = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

/**
 * Virtual time for poller tests: sleeps resolve only when `runUntil` advances the clock, which
 * it does whenever everything in flight has settled, jumping straight to the next timer.
 * Minutes of leases and backoff run in milliseconds, in the same order every time.
 */
export class VirtualClock implements PollerClock {
  private time = 0;
  private timers: Timer[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const timer: Timer = { at: this.time + Math.max(0, ms), resolve };
      this.timers.push(timer);
      signal?.addEventListener(
        'abort',
        () => {
          this.timers = this.timers.filter((t) => t !== timer);
          resolve();
        },
        { once: true },
      );
    });
  }

  /** Advances virtual time timer by timer until `done()` holds; throws past `limitMs` of virtual time. */
  async runUntil(done: () => boolean, limitMs: number): Promise<void> {
    const deadline = this.time + limitMs;
    for (;;) {
      await settleAll();
      if (done()) return;
      if (this.timers.length === 0) throw new Error(`nothing left to run at ${this.time} ms`);
      if (!this.fireNext(deadline))
        throw new Error(`condition not met within ${limitMs} ms of virtual time`);
    }
  }

  /** Lets `ms` of virtual time pass, running everything due meanwhile. */
  async advance(ms: number): Promise<void> {
    const until = this.time + ms;
    do await settleAll();
    while (this.fireNext(until));
    this.time = until;
    await settleAll();
  }

  // Jumps to the earliest timer due by `limit` and fires every timer due then; false if none is.
  private fireNext(limit: number): boolean {
    const next = Math.min(...this.timers.map((t) => t.at));
    if (!(next <= limit)) return false;
    this.time = Math.max(this.time, next);
    const due = this.timers.filter((t) => t.at <= this.time);
    this.timers = this.timers.filter((t) => t.at > this.time);
    for (const timer of due) timer.resolve();
    return true;
  }
}
