import type { Lease } from '../lease/lease.js';

/**
 * Whether every parent of `lease`'s shard is done: its lease says SHARD_END, or it has neither a
 * lease nor a place in the stream any more (trimmed away after 24 hours, lease cleaned up).
 */
export const parentsFinished = (
  lease: Lease,
  leaseOf: (shardId: string) => Lease | undefined,
  listedShards: { has(shardId: string): boolean },
): boolean =>
  lease.parentShardIds.every((parent) => {
    const parentLease = leaseOf(parent);
    return parentLease === undefined
      ? !listedShards.has(parent)
      : parentLease.checkpoint === 'SHARD_END';
  });
