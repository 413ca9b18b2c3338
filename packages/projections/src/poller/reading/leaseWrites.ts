import * as E from 'fp-ts/lib/Either.js';
import { retryDelay } from '../../retry/retryDelay.js';
import type { LeaseChange } from '../lease/leaseTable.js';
import type { ReaderExit, ShardReader } from './shardReader.js';

/** What a fenced lease write came to: `failed` has already stopped the poller. */
export type LeaseWritten = 'written' | 'lost' | 'failed';

/**
 * A fenced write, retried through transient lease-table faults while the lease is surely ours;
 * a refusal means the lease is lost, a permanent fault stops the poller.
 */
export const writeLease = async (
  reader: ShardReader,
  change: LeaseChange,
): Promise<LeaseWritten> => {
  const { ctx, held, shardId } = reader;
  const { leaseTable, clock, leaseDurationMs, retryDelayMs, random } = ctx.settings;
  for (let attempt = 1; ; attempt++) {
    const result = await held.write(leaseTable, clock, change);
    if (E.isRight(result)) return result.right === 'written' ? 'written' : 'lost';
    if (!result.left.retryable) {
      ctx.fail(result.left);
      return 'failed';
    }
    if (held.outlived(clock.now(), leaseDurationMs)) return 'lost';
    const retryInMs = retryDelay(attempt, retryDelayMs, random);
    ctx.emit({ _tag: 'TransientError', shardId, message: result.left.message, retryInMs });
    await clock.sleep(retryInMs);
  }
};

/** Reports the lease as lost to another poller. */
export const leaseLost = (reader: ShardReader, reason: string): ReaderExit => {
  reader.ctx.emit({ _tag: 'LeaseLost', shardId: reader.shardId, reason });
  return 'lost';
};

/** A fenced write whose refusal is reported as the lease lost, `refused` saying at what. */
export const writeOrLose = async (
  reader: ShardReader,
  change: LeaseChange,
  refused: string,
): Promise<'written' | ReaderExit> => {
  const written = await writeLease(reader, change);
  return written === 'lost' ? leaseLost(reader, refused) : written;
};

/** Lets the lease go (the poller stops), keeping its checkpoint. */
export const releaseLease = async (reader: ShardReader): Promise<ReaderExit> => {
  const released = await writeLease(reader, { owner: undefined });
  if (released === 'written') reader.ctx.emit({ _tag: 'LeaseReleased', shardId: reader.shardId });
  return released === 'written' ? 'stopped' : released;
};

/** Finished and free in one fenced write: the children become ready for every poller. */
export const finishShard = async (reader: ShardReader): Promise<ReaderExit> => {
  const change = { owner: undefined, checkpoint: 'SHARD_END' } as const;
  const ended = await writeOrLose(reader, change, 'refused at shard end');
  if (ended !== 'written') return ended;
  reader.ctx.emit({ _tag: 'ShardEnded', shardId: reader.shardId });
  reader.ctx.shardEnded();
  return 'ended';
};
