import * as E from 'fp-ts/lib/Either.js';
import { retryDelay } from '../retry/retryDelay.js';
import { HeldLease, type HeldWrite } from './heldLease.js';
import { chooseLeases } from './lease/chooseLeases.js';
import type { Lease } from './lease/lease.js';
import { LeaseObservations } from './lease/leaseObservations.js';
import type { LeaseTableError } from './lease/leaseTable.js';
import type { PollerEvent, PollerFailure } from './pollerEvents.js';
import { pollerSettings, type StreamPollerOptions } from './pollerOptions.js';
import { type ReaderContext, readShard } from './reading/readShard.js';
import type { StreamCallFailed } from './reading/streamCallFailed.js';
import { describeShards, type ShardInfo } from './shards/describeShards.js';
import { fixStarts } from './shards/fixStarts.js';
import { newLeases } from './shards/newLeases.js';
import { parentsFinished } from './shards/parentsFinished.js';
import { Waker } from './waker.js';

/** A running consumer of one stream, sharing its shards with other pollers through leases. */
export interface StreamPoller {
  /** This poller's name in the lease table. */
  readonly workerId: string;
  /**
   * Runs until `stop()` (then `Right`) or until something retrying cannot fix (then `Left`):
   * data loss, a missing lease table or stream, a processor that throws.
   */
  run(): Promise<E.Either<PollerFailure, void>>;
  /**
   * Finishes the batches in hand, checkpoints them, releases every lease; resolves with what
   * `run` resolved (at once with `Right` if it never ran).
   */
  stop(): Promise<E.Either<PollerFailure, void>>;
}

/**
 * A stream poller, as the Kinesis Client Library works: one lease per shard in a lease table,
 * taken and renewed with writes fenced by the lease counter; parents read to SHARD_END before
 * their children; a checkpoint (fenced too) after every batch; expired leases taken over and
 * leases balanced across the pollers of a stream.
 */
export const streamPoller = (options: StreamPollerOptions): StreamPoller => {
  const settings = pollerSettings(options);
  const { streams, streamArn, leaseTable, clock, workerId } = settings;
  const held = new Map<string, HeldLease>();
  const readers = new Map<string, Promise<void>>();
  const observations = new LeaseObservations();
  const coordinator = new Waker();
  const renewer = new Waker();
  let stopping = false;
  let readersDone = false;
  let failure: PollerFailure | undefined;
  let shards: ReadonlyMap<string, ShardInfo> | undefined;
  let nextSyncAt = 0;
  let syncFailures = 0;
  let running: Promise<E.Either<PollerFailure, void>> | undefined;

  const emit = (event: PollerEvent): void => {
    try {
      settings.onEvent?.(event);
    } catch {
      // A listener's bug must not stop the stream.
    }
  };

  const requestStop = (): void => {
    stopping = true;
    coordinator.wake();
    for (const lease of held.values()) lease.waker.wake();
  };

  const fail = (reason: PollerFailure): void => {
    failure ??= reason;
    requestStop();
  };

  const leaseTableFailed = (error: LeaseTableError): void => {
    if (!error.retryable) fail(error);
    else emit({ _tag: 'TransientError', shardId: undefined, message: error.message, retryInMs: 0 });
  };

  /** A failed Streams call of a sync: retried at a later sync, unless it cannot get better. */
  const syncFailed = (failure: StreamCallFailed): void => {
    syncFailures += 1;
    const { kind } = failure;
    if (kind === 'fatal' || (kind === 'notFound' && syncFailures > settings.spuriousErrorRetries)) {
      fail(failure);
      return;
    }
    const retryInMs = retryDelay(syncFailures, settings.retryDelayMs, settings.random);
    emit({ _tag: 'TransientError', shardId: undefined, message: failure.message, retryInMs });
    nextSyncAt = clock.now() + retryInMs;
  };

  /** Lists the shards, creates leases for new ones, deletes finished leases of trimmed shards. */
  const syncShards = async (): Promise<void> => {
    const listed = await describeShards(streams, streamArn);
    if (E.isLeft(listed)) return syncFailed(listed.left);
    shards = new Map(listed.right.map((shard) => [shard.shardId, shard]));
    const leases = await leaseTable.list(streamArn);
    if (E.isLeft(leases)) return leaseTableFailed(leases.left);
    const wanted = newLeases(streamArn, listed.right, leases.right, settings.startingPosition);
    // Positions first, leases after: a stored lease never starts at a moving LATEST.
    const fixed = await fixStarts(streams, settings.batchSize, wanted);
    if (E.isLeft(fixed)) return syncFailed(fixed.left);
    syncFailures = 0;
    for (const lease of fixed.right) {
      const created = await leaseTable.create(lease);
      if (E.isLeft(created)) return leaseTableFailed(created.left);
      if (
        created.right &&
        wanted.some((w) => w.shardId === lease.shardId && w.checkpoint === 'LATEST')
      )
        emit({ _tag: 'StartFixed', shardId: lease.shardId, checkpoint: lease.checkpoint });
    }
    for (const lease of leases.right)
      if (lease.checkpoint === 'SHARD_END' && !shards.has(lease.shardId)) {
        const removed = await leaseTable.remove(lease);
        if (E.isLeft(removed)) return leaseTableFailed(removed.left);
      }
    nextSyncAt = clock.now() + settings.shardSyncIntervalMs;
  };

  const describeShard: ReaderContext['describeShard'] = async (shardId) => {
    const listed = await describeShards(streams, streamArn);
    if (E.isLeft(listed)) return listed;
    shards = new Map(listed.right.map((shard) => [shard.shardId, shard]));
    return E.right(shards.get(shardId));
  };

  const readerContext: ReaderContext = {
    settings,
    stopping: () => stopping,
    emit,
    fail,
    describeShard,
    parentsFinished: async (lease) => {
      const parents = new Map<string, Lease | undefined>();
      for (const parent of lease.lease.parentShardIds) {
        const read = await leaseTable.get(streamArn, parent);
        if (E.isLeft(read)) return false;
        parents.set(parent, read.right);
      }
      return parentsFinished(lease.lease, (id) => parents.get(id), new Set(shards?.keys()));
    },
    shardEnded: () => {
      nextSyncAt = 0;
      coordinator.wake();
    },
  };

  const startReader = (lease: HeldLease): void => {
    held.set(lease.shardId, lease);
    const reading = readShard(readerContext, lease).then(
      () => undefined,
      (error: unknown) =>
        fail({ _tag: 'ProcessorThrew', shardId: lease.shardId, message: String(error) }),
    );
    readers.set(
      lease.shardId,
      reading.finally(() => {
        held.delete(lease.shardId);
        readers.delete(lease.shardId);
      }),
    );
  };

  /** Lists leases, takes what this poller should hold, asks for a handoff when balancing needs one. */
  const takeLeases = async (): Promise<void> => {
    const listedShards = shards;
    if (listedShards === undefined) return;
    const listed = await leaseTable.list(streamArn);
    if (E.isLeft(listed)) return leaseTableFailed(listed.left);
    const now = clock.now();
    observations.update(listed.right, now);
    const byShard = new Map(listed.right.map((lease) => [lease.shardId, lease]));
    const views = listed.right
      .filter((lease) => lease.checkpoint !== 'SHARD_END')
      .map((lease) => ({
        lease,
        expired:
          !held.has(lease.shardId) && observations.isExpired(lease, now, settings.leaseDurationMs),
        ready: parentsFinished(lease, (id) => byShard.get(id), new Set(listedShards.keys())),
      }));
    const choice = chooseLeases({
      me: workerId,
      views,
      held: new Set(held.keys()),
      maxLeases: settings.maxLeases,
      random: settings.random,
    });
    for (const lease of choice.take) {
      if (stopping) return;
      if (held.has(lease.shardId)) continue;
      const sentAt = clock.now();
      const taken = await leaseTable.write(lease, { owner: workerId });
      if (E.isLeft(taken)) return leaseTableFailed(taken.left);
      if (taken.right._tag === 'Conflict') continue;
      emit({ _tag: 'LeaseTaken', shardId: lease.shardId, previousOwner: lease.owner });
      startReader(new HeldLease(taken.right.lease, sentAt, workerId));
    }
    const wanted = choice.requestHandoff;
    if (wanted?.owner !== undefined && !stopping) {
      const asked = await leaseTable.requestHandoff(wanted, workerId);
      if (E.isLeft(asked)) return leaseTableFailed(asked.left);
      if (asked.right)
        emit({ _tag: 'HandoffRequested', shardId: wanted.shardId, owner: wanted.owner });
    }
  };

  const renew = async (lease: HeldLease): Promise<void> => {
    if (lease.lost) return;
    const renewed: E.Either<LeaseTableError, HeldWrite> = await lease.write(leaseTable, clock, {
      owner: workerId,
    });
    if (E.isLeft(renewed)) return leaseTableFailed(renewed.left);
    if (renewed.right === 'lost')
      // The reader learns it from `lost` and stops after the batch in hand, without a checkpoint.
      emit({ _tag: 'LeaseLost', shardId: lease.shardId, reason: 'renewal refused: taken over' });
  };

  const renewLoop = async (): Promise<void> => {
    while (!readersDone) {
      await renewer.sleep(clock, settings.renewIntervalMs);
      if (readersDone) return;
      await Promise.all([...held.values()].map(renew));
    }
  };

  const run = async (): Promise<E.Either<PollerFailure, void>> => {
    const renewing = renewLoop();
    while (!stopping) {
      if (clock.now() >= nextSyncAt) await syncShards();
      if (!stopping) await takeLeases();
      if (!stopping) await coordinator.sleep(clock, settings.takeIntervalMs);
    }
    while (readers.size > 0) await Promise.all(readers.values());
    readersDone = true;
    renewer.wake();
    await renewing;
    return failure === undefined ? E.right(undefined) : E.left(failure);
  };

  return {
    workerId,
    run: () => {
      if (running !== undefined) throw new Error('streamPoller: run() was already called');
      running = run();
      return running;
    },
    stop: async () => {
      requestStop();
      return running ?? E.right(undefined);
    },
  };
};
