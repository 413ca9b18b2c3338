import type { ShardInfo } from '@sluice/core';
import * as E from 'fp-ts/lib/Either.js';
import { HeldLease } from './heldLease.js';
import { chooseLeases } from './lease/chooseLeases.js';
import type { Lease } from './lease/lease.js';
import { emit, leaseTableFailed, type PollerState } from './pollerState.js';
import type { ReaderContext } from './reading/shardReader.js';
import { startReader } from './shardReaders.js';
import { parentsFinished } from './shards/parentsFinished.js';

// Every unfinished lease as this poller sees it: expired (not renewed lately), ready (parents done).
const leaseViews = (
  state: PollerState,
  leases: readonly Lease[],
  shards: ReadonlyMap<string, ShardInfo>,
) => {
  const now = state.settings.clock.now();
  state.observations.update(leases, now);
  const byShard = new Map(leases.map((lease) => [lease.shardId, lease]));
  return leases
    .filter((lease) => lease.checkpoint !== 'SHARD_END')
    .map((lease) => ({
      lease,
      expired:
        !state.held.has(lease.shardId) &&
        state.observations.isExpired(lease, now, state.settings.leaseDurationMs),
      ready: parentsFinished(lease, (id) => byShard.get(id), shards),
    }));
};

/** Lists leases, takes what this poller should hold, asks for a handoff when balancing needs one. */
export const takeLeases = async (state: PollerState, context: ReaderContext): Promise<void> => {
  const { settings, held } = state;
  const { leaseTable, streamArn, clock, workerId } = settings;
  const listedShards = state.shards;
  if (listedShards === undefined) return;
  const listed = await leaseTable.list(streamArn);
  if (E.isLeft(listed)) return leaseTableFailed(state, listed.left);
  const choice = chooseLeases({
    me: workerId,
    views: leaseViews(state, listed.right, listedShards),
    held: new Set(held.keys()),
    maxLeases: settings.maxLeases,
    random: settings.random,
  });
  for (const lease of choice.take) {
    if (state.stopping) return;
    if (held.has(lease.shardId)) continue;
    const sentAt = clock.now();
    const taken = await leaseTable.write(lease, { owner: workerId });
    if (E.isLeft(taken)) return leaseTableFailed(state, taken.left);
    if (taken.right._tag === 'Conflict') continue;
    emit(state, { _tag: 'LeaseTaken', shardId: lease.shardId, previousOwner: lease.owner });
    startReader(state, context, new HeldLease(taken.right.lease, sentAt, workerId));
  }
  const wanted = choice.requestHandoff;
  if (wanted?.owner !== undefined && !state.stopping) {
    const asked = await leaseTable.requestHandoff(wanted, workerId);
    if (E.isLeft(asked)) return leaseTableFailed(state, asked.left);
    if (asked.right)
      emit(state, { _tag: 'HandoffRequested', shardId: wanted.shardId, owner: wanted.owner });
  }
};
