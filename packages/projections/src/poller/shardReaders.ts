import * as E from 'fp-ts/lib/Either.js';
import type { HeldLease } from './heldLease.js';
import type { Lease } from './lease/lease.js';
import { emit, fail, type PollerState } from './pollerState.js';
import { readShard } from './reading/readShard.js';
import type { ReaderContext } from './reading/shardReader.js';
import { parentsFinished } from './shards/parentsFinished.js';
import { relistShards } from './syncShards.js';

/** What this poller's shard readers may ask of it. */
export const readerContextOf = (state: PollerState): ReaderContext => {
  const { settings } = state;
  const { streamArn, leaseTable } = settings;
  return {
    settings,
    stopping: () => state.stopping,
    emit: (event) => emit(state, event),
    fail: (failure) => fail(state, failure),
    describeShard: async (shardId) => {
      const listed = await relistShards(state);
      return E.isLeft(listed) ? listed : E.right(state.shards?.get(shardId));
    },
    parentsFinished: async (lease) => {
      const parents = new Map<string, Lease | undefined>();
      for (const parent of lease.lease.parentShardIds) {
        const read = await leaseTable.get(streamArn, parent);
        if (E.isLeft(read)) return false;
        parents.set(parent, read.right);
      }
      const listed = state.shards ?? new Map();
      return parentsFinished(lease.lease, (id) => parents.get(id), listed);
    },
    shardEnded: () => {
      state.nextSyncAt = 0;
      state.coordinator.wake();
    },
  };
};

/** Starts reading a shard whose lease was just taken; the lease is dropped when the reader ends. */
export const startReader = (state: PollerState, context: ReaderContext, lease: HeldLease): void => {
  const { held, readers } = state;
  held.set(lease.shardId, lease);
  const reading = readShard(context, lease).then(
    () => undefined,
    (error: unknown) =>
      fail(state, { _tag: 'ProcessorThrew', shardId: lease.shardId, message: String(error) }),
  );
  readers.set(
    lease.shardId,
    reading.finally(() => {
      held.delete(lease.shardId);
      readers.delete(lease.shardId);
    }),
  );
};
