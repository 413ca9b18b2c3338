import type { Clock } from '@sluice/core';
import * as E from 'fp-ts/lib/Either.js';
import type { Lease } from './lease/lease.js';
import type { LeaseChange, LeaseTable, LeaseTableError } from './lease/leaseTable.js';
import { Waker } from './waker.js';

/** What a held lease's write came to. */
export type HeldWrite = 'written' | 'lost' | 'notHeld';

/**
 * A lease this poller holds. Its fenced writes (renewals, checkpoints, release) run one at a
 * time: two writes expecting the same counter would otherwise fence each other out.
 */
export class HeldLease {
  /** The lease as this poller last wrote it. */
  lease: Lease;
  /** When the last successful write was *sent*: the lease is surely valid until then + duration. */
  lastRenewedAt: number;
  /** Set once a fenced write found the lease moved on: stop processing, write nothing more. */
  lost = false;
  /** Wakes the shard reader early (stop, loss, handoff request). */
  readonly waker = new Waker();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    lease: Lease,
    now: number,
    private readonly owner: string,
  ) {
    this.lease = lease;
    this.lastRenewedAt = now;
  }

  /** The shard this lease is for. */
  get shardId(): string {
    return this.lease.shardId;
  }

  /** Whether the lease may have expired by `now`: no write of ours was sent within `durationMs`. */
  outlived(now: number, durationMs: number): boolean {
    return now - this.lastRenewedAt > durationMs;
  }

  /**
   * Writes `change` fenced by the held counter: `written`, `lost` (the lease moved on) or
   * `notHeld` (this poller already let it go: released, handed over or finished).
   */
  write(
    table: LeaseTable,
    clock: Clock,
    change: LeaseChange,
  ): Promise<E.Either<LeaseTableError, HeldWrite>> {
    const run = async (): Promise<E.Either<LeaseTableError, HeldWrite>> => {
      if (this.lost) return E.right('lost');
      if (this.lease.owner !== this.owner) return E.right('notHeld');
      const sentAt = clock.now();
      const result = await table.write(this.lease, change);
      if (E.isLeft(result)) return result;
      if (result.right._tag === 'Conflict') {
        this.lost = true;
        this.waker.wake();
        return E.right('lost');
      }
      this.lease = result.right.lease;
      this.lastRenewedAt = sentAt;
      if (this.lease.handoffTo !== undefined) this.waker.wake();
      return E.right('written');
    };
    const next = this.queue.then(run, run);
    this.queue = next;
    return next;
  }
}
