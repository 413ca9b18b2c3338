import type { ShardInfo } from '@sluice/core';
import type * as E from 'fp-ts/lib/Either.js';
import type { HeldLease } from '../heldLease.js';
import type { LeaseCheckpoint } from '../lease/lease.js';
import type { PollerEvent, PollerFailure } from '../pollerEvents.js';
import type { PollerSettings } from '../pollerOptions.js';
import type { StreamCallFailed } from './streamCallFailed.js';

/** What a shard reader needs from its poller. */
export interface ReaderContext {
  readonly settings: PollerSettings;
  readonly stopping: () => boolean;
  readonly emit: (event: PollerEvent) => void;
  /** Stops the whole poller with a failure. */
  readonly fail: (failure: PollerFailure) => void;
  /** The shard as the stream lists it now (`undefined`: no longer listed, i.e. trimmed away). */
  readonly describeShard: (
    shardId: string,
  ) => Promise<E.Either<StreamCallFailed, ShardInfo | undefined>>;
  /** Whether every parent of the shard was processed to its end (read fresh from the lease table). */
  readonly parentsFinished: (held: HeldLease) => Promise<boolean>;
  /** A shard was finished: its children may be ready. */
  readonly shardEnded: () => void;
}

/** Why a reader returned. */
export type ReaderExit = 'stopped' | 'lost' | 'handedOver' | 'ended' | 'notReady' | 'failed';

/** A position a shard can be read from: a sentinel or the last sequence number processed. */
export type Position = Exclude<LeaseCheckpoint, 'SHARD_END'>;

/** One shard being read: its lease, where reading stands, and how many tries failed in a row. */
export interface ShardReader {
  readonly ctx: ReaderContext;
  readonly held: HeldLease;
  readonly shardId: string;
  /** Where the next iterator opens: the checkpoint, as last written to the lease. */
  position: Position;
  iterator: string | undefined;
  /** Failed reads or batches in a row (backoff). */
  failures: number;
  /** Trimmed or not-found reads in a row, not yet believed (DynamoDB Local raises spurious ones). */
  spurious: number;
}

/** Pauses the reader, waking early when its lease needs attention (stop, loss, handoff). */
export const pause = (reader: ShardReader, ms: number): Promise<void> =>
  reader.held.waker.sleep(reader.ctx.settings.clock, ms);
