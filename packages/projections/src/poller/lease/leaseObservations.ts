import type { Lease } from './lease.js';

/**
 * When each lease's counter last moved, on this poller's own clock. A lease is expired when its
 * owner has not raised the counter for the lease duration: pollers never compare clocks, each
 * only measures how long it has seen a counter stand still (as the Kinesis Client Library does).
 */
export class LeaseObservations {
  private readonly seen = new Map<string, { readonly counter: number; readonly since: number }>();

  /** Records a fresh listing of the leases seen at `now`; leases no longer listed are forgotten. */
  update(leases: readonly Lease[], now: number): void {
    const listed = new Set<string>();
    for (const lease of leases) {
      listed.add(lease.shardId);
      const previous = this.seen.get(lease.shardId);
      if (previous?.counter !== lease.leaseCounter)
        this.seen.set(lease.shardId, { counter: lease.leaseCounter, since: now });
    }
    for (const shardId of this.seen.keys()) if (!listed.has(shardId)) this.seen.delete(shardId);
  }

  /** True when `lease` has an owner whose counter has stood still for at least `durationMs`. */
  isExpired(lease: Lease, now: number, durationMs: number): boolean {
    if (lease.owner === undefined) return false;
    const seen = this.seen.get(lease.shardId);
    return (
      seen !== undefined && seen.counter === lease.leaseCounter && now - seen.since >= durationMs
    );
  }
}
