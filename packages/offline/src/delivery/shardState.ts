import type { ShardInfo } from '@sluice/core';
import { type Lane, newLane } from './lane.js';
import type { ReadFrom } from './readShards.js';

/** One shard as a mapping tracks it: where to read next, whether it is read to its end, its lanes. */
export interface ShardState {
  info: ShardInfo;
  from: ReadFrom;
  /** Closed and read to its end. */
  ended: boolean;
  readonly lanes: Lane[];
}

/** The shards a mapping has seen, by id. */
export type ShardStates = Map<string, ShardState>;

/** A shard read from its start, with one empty lane per `ParallelizationFactor`. */
export const newShardState = (info: ShardInfo, parallelization: number): ShardState => ({
  info,
  from: { type: 'TRIM_HORIZON' },
  ended: false,
  lanes: Array.from({ length: parallelization }, (_, index) => newLane(info.shardId, index)),
});

// Read to its end, with nothing left queued in its lanes.
const shardDone = (state: ShardState): boolean =>
  state.ended && state.lanes.every((lane) => lane.queue.length === 0);

/**
 * Whether `state` may run. Every ancestor must be done, not just the parent: an empty parent (two
 * roll-overs in a row) is done at once while the grandparent may still hold records of the same
 * keys. An ancestor never seen (trimmed, or from before the stream) cannot hold its children back.
 */
export const ancestorsDone = (state: ShardState, shards: ShardStates): boolean => {
  let parentId = state.info.parentShardId;
  while (parentId !== undefined) {
    const parent = shards.get(parentId);
    if (parent === undefined) return true;
    if (!shardDone(parent)) return false;
    parentId = parent.info.parentShardId;
  }
  return true;
};
