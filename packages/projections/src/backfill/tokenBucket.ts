import type { Clock } from '@sluice/core';

/**
 * A token bucket shared by a scan's segments. A page's cost is known only once it is read, so
 * a segment waits until the bucket is out of debt, reads, then spends what the page cost: the
 * long-run rate holds, and a burst exceeds it by at most one page per segment.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly clock: Clock,
    /** Seconds of unused rate the bucket may save up (its capacity). */
    private readonly burstSeconds = 1,
  ) {
    this.tokens = perSecond * burstSeconds;
    this.last = clock.now();
  }

  /** Waits until the bucket is out of debt; resolves with the milliseconds waited. */
  async ready(signal?: AbortSignal): Promise<number> {
    let waited = 0;
    for (;;) {
      this.refill();
      if (this.tokens >= 0 || signal?.aborted) return waited;
      const ms = Math.ceil((-this.tokens / this.perSecond) * 1000);
      await this.clock.sleep(ms, signal);
      waited += ms;
    }
  }

  /** Takes what a page cost; the bucket may go into debt. */
  spend(amount: number): void {
    this.refill();
    this.tokens -= amount;
  }

  private refill(): void {
    const now = this.clock.now();
    const capacity = this.perSecond * this.burstSeconds;
    this.tokens = Math.min(capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }
}
