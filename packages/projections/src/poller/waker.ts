import type { Clock } from '@sluice/core';

/**
 * Lets one party cut another's sleep short. A wake that arrives while nobody sleeps is kept,
 * so the next sleep returns at once: a stop or a handoff request is never missed.
 */
export class Waker {
  private controller = new AbortController();

  /** Ends the current sleep, or the next one if nobody sleeps now. */
  wake(): void {
    this.controller.abort();
  }

  /** Sleeps `ms` on `clock` unless woken; then re-arms for the next wake. */
  async sleep(clock: Clock, ms: number): Promise<void> {
    await clock.sleep(ms, this.controller.signal);
    if (this.controller.signal.aborted) this.controller = new AbortController();
  }
}
