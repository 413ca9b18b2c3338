import type { ShardInfo } from '@sluice/core';
import * as E from 'fp-ts/lib/Either.js';
import { retryDelay } from '../retry/retryDelay.js';
import { emit, fail, leaseTableFailed, type PollerState } from './pollerState.js';
import type { StreamCallFailed } from './reading/streamCallFailed.js';
import { describeShards } from './shards/describeShards.js';
import { fixStarts } from './shards/fixStarts.js';
import { newLeases } from './shards/newLeases.js';

// A failed Streams call of a sync: retried at a later sync, unless it cannot get better.
const syncFailed = (state: PollerState, failure: StreamCallFailed): void => {
  const { settings } = state;
  state.syncFailures += 1;
  const { kind } = failure;
  if (
    kind === 'fatal' ||
    (kind === 'notFound' && state.syncFailures > settings.spuriousErrorRetries)
  ) {
    fail(state, failure);
    return;
  }
  const retryInMs = retryDelay(state.syncFailures, settings.retryDelayMs, settings.random);
  emit(state, { _tag: 'TransientError', shardId: undefined, message: failure.message, retryInMs });
  state.nextSyncAt = settings.clock.now() + retryInMs;
};

/** Lists the stream's shards and keeps the listing as the poller's latest (`state.shards`). */
export const relistShards = async (
  state: PollerState,
): Promise<E.Either<StreamCallFailed, readonly ShardInfo[]>> => {
  const listed = await describeShards(state.settings.streams, state.settings.streamArn);
  if (E.isRight(listed)) state.shards = new Map(listed.right.map((s) => [s.shardId, s]));
  return listed;
};

/** Lists the shards, creates leases for new ones, deletes finished leases of trimmed shards. */
export const syncShards = async (state: PollerState): Promise<void> => {
  const { streams, streamArn, leaseTable, clock } = state.settings;
  const listed = await relistShards(state);
  if (E.isLeft(listed)) return syncFailed(state, listed.left);
  const leases = await leaseTable.list(streamArn);
  if (E.isLeft(leases)) return leaseTableFailed(state, leases.left);
  const wanted = newLeases(streamArn, listed.right, leases.right, state.settings.startingPosition);
  // Positions first, leases after: a stored lease never starts at a moving LATEST.
  const fixed = await fixStarts(streams, state.settings.batchSize, wanted);
  if (E.isLeft(fixed)) return syncFailed(state, fixed.left);
  state.syncFailures = 0;
  for (const lease of fixed.right) {
    const created = await leaseTable.create(lease);
    if (E.isLeft(created)) return leaseTableFailed(state, created.left);
    if (
      created.right &&
      wanted.some((w) => w.shardId === lease.shardId && w.checkpoint === 'LATEST')
    )
      emit(state, { _tag: 'StartFixed', shardId: lease.shardId, checkpoint: lease.checkpoint });
  }
  // The listing as it stands now: a reader may have listed the shards again meanwhile.
  for (const lease of leases.right)
    if (lease.checkpoint === 'SHARD_END' && !state.shards?.has(lease.shardId)) {
      const removed = await leaseTable.remove(lease);
      if (E.isLeft(removed)) return leaseTableFailed(state, removed.left);
    }
  state.nextSyncAt = clock.now() + state.settings.shardSyncIntervalMs;
};
