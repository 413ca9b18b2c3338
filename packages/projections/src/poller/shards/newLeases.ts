import type { ShardInfo } from '@sluice/core';
import type { Lease } from '../lease/lease.js';

/**
 * Leases for listed shards that have none yet. Every shard starts at TRIM_HORIZON, except on a
 * stream's very first start at LATEST: then closed shards count as finished and open ones ask
 * for LATEST, a request `fixStarts` turns into the shard's current position before the lease is
 * stored (a stored LATEST would move on every restart until the first checkpoint).
 */
export const newLeases = (
  streamArn: string,
  shards: readonly ShardInfo[],
  existing: readonly Lease[],
  startingPosition: 'TRIM_HORIZON' | 'LATEST',
): Lease[] => {
  const leased = new Set(existing.map((lease) => lease.shardId));
  const firstStart = existing.length === 0;
  return shards
    .filter((shard) => !leased.has(shard.shardId))
    .map((shard) => ({
      streamArn,
      shardId: shard.shardId,
      leaseCounter: 0,
      checkpoint:
        firstStart && startingPosition === 'LATEST'
          ? shard.endingSequenceNumber === undefined
            ? 'LATEST'
            : 'SHARD_END'
          : 'TRIM_HORIZON',
      parentShardIds: shard.parentShardId === undefined ? [] : [shard.parentShardId],
    }));
};
