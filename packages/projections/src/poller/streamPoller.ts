import * as E from 'fp-ts/lib/Either.js';
import { LeaseObservations } from './lease/leaseObservations.js';
import type { PollerFailure } from './pollerEvents.js';
import { pollerSettings, type StreamPollerOptions } from './pollerOptions.js';
import { type PollerState, requestStop } from './pollerState.js';
import { renewLeases } from './renewLeases.js';
import { readerContextOf } from './shardReaders.js';
import { syncShards } from './syncShards.js';
import { takeLeases } from './takeLeases.js';
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
  const state: PollerState = {
    settings: pollerSettings(options),
    held: new Map(),
    readers: new Map(),
    observations: new LeaseObservations(),
    coordinator: new Waker(),
    renewer: new Waker(),
    stopping: false,
    readersDone: false,
    failure: undefined,
    shards: undefined,
    nextSyncAt: 0,
    syncFailures: 0,
  };
  let running: Promise<E.Either<PollerFailure, void>> | undefined;
  return {
    workerId: state.settings.workerId,
    run: () => {
      if (running !== undefined) throw new Error('streamPoller: run() was already called');
      running = coordinate(state);
      return running;
    },
    stop: async () => {
      requestStop(state);
      return running ?? E.right(undefined);
    },
  };
};

// Syncs shards and takes leases until stopped, then waits for the readers and the renewer.
const coordinate = async (state: PollerState): Promise<E.Either<PollerFailure, void>> => {
  const { clock, takeIntervalMs } = state.settings;
  const context = readerContextOf(state);
  const renewing = renewLeases(state);
  while (!state.stopping) {
    if (clock.now() >= state.nextSyncAt) await syncShards(state);
    if (!state.stopping) await takeLeases(state, context);
    if (!state.stopping) await state.coordinator.sleep(clock, takeIntervalMs);
  }
  while (state.readers.size > 0) await Promise.all(state.readers.values());
  state.readersDone = true;
  state.renewer.wake();
  await renewing;
  return state.failure === undefined ? E.right(undefined) : E.left(state.failure);
};
