import { systemClock } from '@sluice/core';
import * as E from 'fp-ts/lib/Either.js';
import type { PollerFailure } from '../poller/pollerEvents.js';
import { type ProjectionPollerOptions, projectionPoller } from '../poller/projectionPoller.js';
import { describeShards } from '../poller/shards/describeShards.js';
import type { StreamPoller } from '../poller/streamPoller.js';
import { type LiveStream, type LiveStreamFailed, liveStreamFailed } from './liveStream.js';
import { ReadTracker } from './readTracker.js';

/** A projection poller's options, plus how closely to watch it catch up. */
export interface PollerLiveStreamOptions extends ProjectionPollerOptions {
  /** How often `caughtUp` looks (default 250 ms). */
  readonly checkEveryMs?: number;
  /** Empty reads after the mark that count as "nothing left" on an idle shard (default 2). */
  readonly emptyReads?: number;
  /** Default `caughtUp` timeout (default 10 minutes). */
  readonly catchUpTimeoutMs?: number;
}

/** A live stream run by a projection poller, which the caller stops when it is no longer wanted. */
export interface PollerLiveStream extends LiveStream {
  readonly poller: StreamPoller;
  /** Stops the poller (batch in hand finished, checkpointed, leases released). */
  stop(): Promise<E.Either<PollerFailure, void>>;
}

// A record's time has second precision (and the server's clock): allow for both.
const TIME_SLACK_MS = 1000;

/**
 * The live half of a backfill on a stream poller (`projectionPoller`): same projections and store,
 * its own lease table (a consumer group: a new projection version starts at TRIM_HORIZON with a
 * table of its own). Works on AWS, DynamoDB Local and `InMemoryStreamsClient` alike.
 */
export const pollerLiveStream = (options: PollerLiveStreamOptions): PollerLiveStream => {
  const clock = options.clock ?? systemClock;
  const { streams, streamArn, leaseTable } = options;
  const tracker = new ReadTracker(streams, clock);
  const { checkEveryMs, emptyReads: wanted, catchUpTimeoutMs, ...pollerOptions } = options;
  const poller = projectionPoller({ ...pollerOptions, streams: tracker.client, clock });
  const every = checkEveryMs ?? 250;
  const emptyReads = wanted ?? 2;
  const defaultTimeout = catchUpTimeoutMs ?? 600_000;
  let running: Promise<E.Either<PollerFailure, void>> | undefined;
  let failure: PollerFailure | undefined;
  let resumed = false;

  const failedNow = (): LiveStreamFailed | undefined =>
    failure && liveStreamFailed(`the stream poller stopped: ${failure.message}`);

  /** Shards, and whether each is done up to `since` (`undefined`: cannot tell yet). */
  const shardsDone = async (
    since: number | undefined,
  ): Promise<E.Either<LiveStreamFailed, boolean>> => {
    const shards = await describeShards(streams, streamArn);
    if (E.isLeft(shards)) return E.left(liveStreamFailed(shards.left.message));
    const leases = await leaseTable.list(streamArn);
    if (E.isLeft(leases)) return E.left(liveStreamFailed(leases.left.message));
    const checkpoints = new Map(leases.right.map((l) => [l.shardId, l.checkpoint]));
    return E.right(
      shards.right.every(({ shardId }) => {
        const checkpoint = checkpoints.get(shardId);
        if (checkpoint === 'SHARD_END') return true;
        // Start: every shard's lease is stored at a position that does not move (the poller
        // turns a LATEST start into the shard's position before storing it).
        if (since === undefined) return checkpoint !== undefined && checkpoint !== 'LATEST';
        if (tracker.emptyReadsSince(shardId, since) >= emptyReads) return true;
        const time = checkpoint === undefined ? undefined : tracker.timeUpTo(shardId, checkpoint);
        return time !== undefined && time >= since + TIME_SLACK_MS;
      }),
    );
  };

  const waitFor = async (
    since: number | undefined,
    timeoutMs: number,
  ): Promise<E.Either<LiveStreamFailed, void>> => {
    const startedAt = clock.now();
    for (;;) {
      const failed = failedNow();
      if (failed) return E.left(failed);
      const done = await shardsDone(since);
      if (E.isLeft(done) || done.right) return E.isLeft(done) ? done : E.right(undefined);
      if (clock.now() - startedAt >= timeoutMs)
        return E.left(
          liveStreamFailed(`the stream poller did not catch up within ${timeoutMs} ms`),
        );
      await clock.sleep(every);
    }
  };

  return {
    poller,
    start: async () => {
      if (running === undefined) {
        const before = await leaseTable.list(streamArn);
        if (E.isLeft(before)) return E.left(liveStreamFailed(before.left.message));
        // A stored LATEST (older versions) moves until fixed: only concrete positions resume.
        resumed =
          before.right.length > 0 && before.right.every((lease) => lease.checkpoint !== 'LATEST');
        running = poller.run();
        void running.then((result) => {
          if (E.isLeft(result)) failure = result.left;
        });
      }
      // Until every shard's lease is stored, a stop would lose the start: wait for it.
      const fixed = await waitFor(undefined, defaultTimeout);
      return E.isLeft(fixed) ? fixed : E.right({ resumed });
    },
    caughtUp: (timeoutMs) => waitFor(clock.now(), timeoutMs ?? defaultTimeout),
    stop: () => poller.stop(),
  };
};
