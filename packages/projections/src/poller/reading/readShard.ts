import * as E from 'fp-ts/lib/Either.js';
import { retryDelay } from '../../retry/retryDelay.js';
import type { HeldLease } from '../heldLease.js';
import type { LeaseCheckpoint } from '../lease/lease.js';
import type { LeaseChange } from '../lease/leaseTable.js';
import type { DataLoss, PollerEvent, PollerFailure } from '../pollerEvents.js';
import type { PollerSettings } from '../pollerOptions.js';
import type { ShardInfo } from '../shards/describeShards.js';
import { getRecords } from './getRecords.js';
import { latestPosition } from './latestPosition.js';
import { openIterator } from './openIterator.js';
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

type Position = Exclude<LeaseCheckpoint, 'SHARD_END'>;

/**
 * Reads one leased shard until it ends, the lease is lost or handed over, or the poller stops:
 * GetRecords → process → checkpoint (fenced by the lease) → repeat, pausing when idle.
 * On stop it finishes the batch in hand, checkpoints it and releases the lease.
 */
export const readShard = async (ctx: ReaderContext, held: HeldLease): Promise<ReaderExit> => {
  const { settings, emit } = ctx;
  const { streams, streamArn, leaseTable, clock, workerId, random } = settings;
  const shardId = held.shardId;
  const pause = (ms: number) => held.waker.sleep(clock, ms);

  /**
   * A fenced write, retried through transient lease-table faults while the lease is surely ours;
   * a refusal means the lease is lost, a permanent fault stops the poller.
   */
  const write = async (change: LeaseChange): Promise<'written' | 'lost' | 'failed'> => {
    for (let attempt = 1; ; attempt++) {
      const result = await held.write(leaseTable, clock, change);
      if (E.isRight(result)) return result.right === 'written' ? 'written' : 'lost';
      if (!result.left.retryable) {
        ctx.fail(result.left);
        return 'failed';
      }
      if (clock.now() - held.lastRenewedAt > settings.leaseDurationMs) return 'lost';
      const retryInMs = retryDelay(attempt, settings.retryDelayMs, random);
      emit({ _tag: 'TransientError', shardId, message: result.left.message, retryInMs });
      await clock.sleep(retryInMs);
    }
  };

  const release = async (): Promise<ReaderExit> => {
    const released = await write({ owner: undefined });
    if (released === 'written') emit({ _tag: 'LeaseReleased', shardId });
    return released === 'written' ? 'stopped' : released;
  };

  const lost = (reason: string): ReaderExit => {
    emit({ _tag: 'LeaseLost', shardId, reason });
    return 'lost';
  };

  // Finished and free in one fenced write: the children become ready for every poller.
  const finish = async (): Promise<ReaderExit> => {
    const ended = await write({ owner: undefined, checkpoint: 'SHARD_END' });
    if (ended !== 'written') return ended === 'lost' ? lost('refused at shard end') : ended;
    emit({ _tag: 'ShardEnded', shardId });
    ctx.shardEnded();
    return 'ended';
  };

  if (!(await ctx.parentsFinished(held))) {
    const released = await write({ owner: undefined });
    return released === 'written' ? 'notReady' : released;
  }
  if (held.lease.checkpoint === 'SHARD_END') return 'ended';

  let position: Position = held.lease.checkpoint;
  let iterator: string | undefined;
  let failures = 0;
  let spurious = 0;

  const dataLoss = (skipped: boolean): DataLoss => ({
    _tag: 'DataLoss',
    streamArn,
    shardId,
    checkpoint: position,
    skipped,
    message:
      `records of shard ${shardId} after ${position} were trimmed before being processed` +
      (skipped ? '; continuing from TRIM_HORIZON as configured' : ''),
  });

  /** Handles a failed Streams call; `undefined` means "go round again". */
  const recover = async (failure: StreamCallFailed): Promise<ReaderExit | undefined> => {
    iterator = failure.kind === 'retryable' ? iterator : undefined;
    switch (failure.kind) {
      case 'expiredIterator':
        emit({ _tag: 'IteratorReopened', shardId, reason: 'expired' });
        return undefined;
      case 'retryable':
      case 'invalidIterator': {
        failures += 1;
        const retryInMs = retryDelay(failures, settings.retryDelayMs, random);
        emit({ _tag: 'TransientError', shardId, message: failure.message, retryInMs });
        await pause(retryInMs);
        return undefined;
      }
      case 'trimmed':
      case 'notFound': {
        // DynamoDB Local raises both spuriously (new tables, "Invalid ShardId in ShardIterator"):
        // retry a few times before believing the data is gone.
        spurious += 1;
        if (spurious <= settings.spuriousErrorRetries) {
          emit({ _tag: 'IteratorReopened', shardId, reason: failure.kind });
          await pause(retryDelay(spurious, settings.retryDelayMs, random));
          return undefined;
        }
        if (failure.kind === 'notFound') {
          const listed = await ctx.describeShard(shardId);
          if (E.isLeft(listed) || listed.right !== undefined) {
            spurious = 0;
            failures += 1;
            const retryInMs = retryDelay(failures, settings.retryDelayMs, random);
            emit({ _tag: 'TransientError', shardId, message: failure.message, retryInMs });
            await pause(retryInMs);
            return undefined;
          }
        }
        spurious = 0;
        if (settings.onTrimmed === 'skipToTrimHorizon') {
          emit(dataLoss(true));
          // A shard no longer listed was trimmed away whole: nothing is left to read in it.
          if (failure.kind === 'notFound') return finish();
          position = 'TRIM_HORIZON';
          return undefined;
        }
        const loss = dataLoss(false);
        emit(loss);
        ctx.fail(loss);
        return 'failed';
      }
      case 'fatal':
        ctx.fail(failure);
        return 'failed';
    }
  };

  for (;;) {
    if (held.lost) return 'lost';
    if (ctx.stopping()) return release();
    if (clock.now() - held.lastRenewedAt > settings.leaseDurationMs) {
      // Renewals kept failing: another poller may own the shard by now, so stop touching it.
      held.lost = true;
      return lost('not renewed within the lease duration');
    }
    const handoffTo = held.lease.handoffTo;
    if (handoffTo !== undefined) {
      // At a batch boundary, so the new owner starts exactly where this one stopped.
      const handed = await write({ owner: handoffTo });
      if (handed !== 'written')
        return handed === 'lost' ? lost('refused while handing over') : handed;
      emit({ _tag: 'LeaseHandedOver', shardId, to: handoffTo });
      return 'handedOver';
    }

    if (position === 'LATEST') {
      // Stored by an earlier version: fix where LATEST stands before reading, or a stop before
      // the first checkpoint would resume at a later LATEST and skip what came in between.
      const fixed = await latestPosition(streams, streamArn, shardId, settings.batchSize);
      if (E.isLeft(fixed)) {
        const exit = await recover(fixed.left);
        if (exit) return exit;
        continue;
      }
      const pinned = await write({ owner: workerId, checkpoint: fixed.right });
      if (pinned !== 'written')
        return pinned === 'lost' ? lost('refused fixing its start') : pinned;
      position = fixed.right;
      emit({ _tag: 'StartFixed', shardId, checkpoint: position });
      continue;
    }

    if (iterator === undefined) {
      const opened = await openIterator(streams, streamArn, shardId, position);
      if (E.isLeft(opened)) {
        const exit = await recover(opened.left);
        if (exit) return exit;
        continue;
      }
      iterator = opened.right;
      if (iterator === undefined) {
        await pause(settings.idleDelayMs);
        continue;
      }
    }

    const page = await getRecords(streams, streamArn, shardId, iterator, settings.batchSize);
    if (E.isLeft(page)) {
      const exit = await recover(page.left);
      if (exit) return exit;
      continue;
    }
    spurious = 0;
    const { records, nextIterator } = page.right;

    if (records.length > 0) {
      // Not yet in hand: a stop now leaves these records to whoever takes the lease next.
      if (ctx.stopping() || held.lost) continue;
      let outcome: Awaited<ReturnType<PollerSettings['processor']>>;
      try {
        outcome = await settings.processor(records, { streamArn, shardId });
      } catch (error) {
        ctx.fail({
          _tag: 'ProcessorThrew',
          shardId,
          message: `the batch processor threw: ${String(error)}`,
        });
        return 'failed';
      }
      const processed = Math.max(0, Math.min(outcome.processed, records.length));
      const last = records[processed - 1]?.dynamodb?.SequenceNumber;
      if (last !== undefined) {
        const checkpointed = await write({ owner: workerId, checkpoint: last as Position });
        if (checkpointed === 'lost') return lost('checkpoint refused: the lease moved on');
        if (checkpointed === 'failed') return 'failed';
        position = last as Position;
        emit({ _tag: 'BatchProcessed', shardId, records: processed, checkpoint: last });
      }
      if (outcome.failure !== undefined || processed < records.length) {
        failures += 1;
        const retryInMs = retryDelay(failures, settings.retryDelayMs, random);
        emit({
          _tag: 'BatchFailed',
          shardId,
          processed,
          message:
            outcome.failure?.message ?? `only ${processed} of ${records.length} records processed`,
          retryInMs,
        });
        iterator = undefined;
        await pause(retryInMs);
        continue;
      }
    }
    failures = 0;

    if (nextIterator === undefined) {
      const listed = await ctx.describeShard(shardId);
      const closed = E.isRight(listed) && listed.right?.endingSequenceNumber !== undefined;
      if (closed) return finish();
      // DynamoDB Local ends open shards' pages without a next iterator: reopen where we are.
      emit({ _tag: 'IteratorReopened', shardId, reason: 'missingNextIterator' });
      iterator = undefined;
      if (records.length === 0) await pause(settings.idleDelayMs);
      continue;
    }
    iterator = nextIterator;
    if (records.length === 0) await pause(settings.idleDelayMs);
  }
};
