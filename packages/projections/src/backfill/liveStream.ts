import type * as E from 'fp-ts/lib/Either.js';

/** The live stream's consumer failed, or did not catch up in time. */
export interface LiveStreamFailed {
  readonly _tag: 'LiveStreamFailed';
  readonly message: string;
}

/** Where a live stream's consumer started, as `start` found it. */
export interface LiveStart {
  /**
   * Every position was kept from before this call (the consumer group existed already), so every
   * change since that group began is applied; `false`: the positions were fixed by this call.
   */
  readonly resumed: boolean;
}

/**
 * The consumer that applies the table's stream to the same projections and store as a backfill:
 * a poller the backfill runs (`pollerLiveStream`), or one that runs anyway (a Lambda event source
 * mapping), described by these two calls.
 */
export interface LiveStream {
  /**
   * Starts consuming, and resolves once the consumer's start position is fixed and stored: from
   * then on, every change (and every change still in the stream, when it starts at TRIM_HORIZON)
   * will be applied, even after a restart. The scan may begin only after that. `undefined` (no
   * `LiveStart`) counts as positions fixed by this call.
   */
  start(): Promise<E.Either<LiveStreamFailed, LiveStart | undefined>>;
  /** Resolves once every change made before the call is applied (Left: failed, or timed out). */
  caughtUp(timeoutMs?: number): Promise<E.Either<LiveStreamFailed, void>>;
}

/** Builds a `LiveStreamFailed`. */
export const liveStreamFailed = (message: string): LiveStreamFailed => ({
  _tag: 'LiveStreamFailed',
  message,
});
