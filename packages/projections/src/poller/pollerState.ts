import type { ShardInfo } from '@sluice/core';
import type { HeldLease } from './heldLease.js';
import type { LeaseObservations } from './lease/leaseObservations.js';
import type { LeaseTableError } from './lease/leaseTable.js';
import type { PollerEvent, PollerFailure } from './pollerEvents.js';
import type { PollerSettings } from './pollerOptions.js';
import type { Waker } from './waker.js';

/** What one running poller knows and holds, shared by its coordinator, renewer and readers. */
export interface PollerState {
  readonly settings: PollerSettings;
  /** The leases this poller holds, by shard. */
  readonly held: Map<string, HeldLease>;
  /** The running shard readers, by shard. */
  readonly readers: Map<string, Promise<void>>;
  readonly observations: LeaseObservations;
  /** Wakes the coordinator (stop, a shard ended). */
  readonly coordinator: Waker;
  /** Wakes the renewer (readers done). */
  readonly renewer: Waker;
  stopping: boolean;
  readersDone: boolean;
  /** The first failure retrying cannot fix; the poller stops with it. */
  failure: PollerFailure | undefined;
  /** The shards as last listed (`undefined`: not listed yet). */
  shards: ReadonlyMap<string, ShardInfo> | undefined;
  nextSyncAt: number;
  /** Failed shard listings in a row (backoff). */
  syncFailures: number;
}

/** Tells the listener; a listener's bug must not stop the stream. */
export const emit = (state: PollerState, event: PollerEvent): void => {
  try {
    state.settings.onEvent?.(event);
  } catch {
    // Swallowed on purpose: see above.
  }
};

/** Asks the coordinator and every reader to stop after what they have in hand. */
export const requestStop = (state: PollerState): void => {
  state.stopping = true;
  state.coordinator.wake();
  for (const lease of state.held.values()) lease.waker.wake();
};

/** Stops the poller with the first failure retrying cannot fix. */
export const fail = (state: PollerState, reason: PollerFailure): void => {
  state.failure ??= reason;
  requestStop(state);
};

/** A lease-table error: transient ones are reported and retried at the next turn. */
export const leaseTableFailed = (state: PollerState, error: LeaseTableError): void => {
  if (!error.retryable) fail(state, error);
  else
    emit(state, {
      _tag: 'TransientError',
      shardId: undefined,
      message: error.message,
      retryInMs: 0,
    });
};
