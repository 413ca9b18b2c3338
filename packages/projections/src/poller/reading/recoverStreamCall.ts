import * as E from 'fp-ts/lib/Either.js';
import { retryDelay } from '../../retry/retryDelay.js';
import type { DataLoss } from '../pollerEvents.js';
import { finishShard } from './leaseWrites.js';
import { pause, type ReaderExit, type ShardReader } from './shardReader.js';
import type { StreamCallFailed } from './streamCallFailed.js';

/** Handles a failed Streams call; `undefined` means "go round again". */
export const recoverStreamCall = async (
  reader: ShardReader,
  failure: StreamCallFailed,
): Promise<ReaderExit | undefined> => {
  if (failure.kind !== 'retryable') reader.iterator = undefined;
  switch (failure.kind) {
    case 'expiredIterator':
      reader.ctx.emit({ _tag: 'IteratorReopened', shardId: reader.shardId, reason: 'expired' });
      return undefined;
    case 'retryable':
    case 'invalidIterator':
      await backOff(reader, failure.message);
      return undefined;
    case 'trimmed':
    case 'notFound':
      return recoverMissingRecords(reader, failure.kind, failure.message);
    case 'fatal':
      reader.ctx.fail(failure);
      return 'failed';
  }
};

// Counts one more failure in a row and waits before the next try.
const backOff = async (reader: ShardReader, message: string): Promise<void> => {
  const { retryDelayMs, random } = reader.ctx.settings;
  reader.failures += 1;
  const retryInMs = retryDelay(reader.failures, retryDelayMs, random);
  reader.ctx.emit({ _tag: 'TransientError', shardId: reader.shardId, message, retryInMs });
  await pause(reader, retryInMs);
};

// Records the checkpoint points at are gone (trimmed) or the shard is not found.
const recoverMissingRecords = async (
  reader: ShardReader,
  kind: 'trimmed' | 'notFound',
  message: string,
): Promise<ReaderExit | undefined> => {
  const { ctx, shardId } = reader;
  const { settings } = ctx;
  // DynamoDB Local raises both spuriously (new tables, "Invalid ShardId in ShardIterator"):
  // retry a few times before believing the data is gone.
  reader.spurious += 1;
  if (reader.spurious <= settings.spuriousErrorRetries) {
    ctx.emit({ _tag: 'IteratorReopened', shardId, reason: kind });
    await pause(reader, retryDelay(reader.spurious, settings.retryDelayMs, settings.random));
    return undefined;
  }
  if (kind === 'notFound') {
    const listed = await ctx.describeShard(shardId);
    if (E.isLeft(listed) || listed.right !== undefined) {
      reader.spurious = 0;
      await backOff(reader, message);
      return undefined;
    }
  }
  reader.spurious = 0;
  if (settings.onTrimmed === 'skipToTrimHorizon') {
    ctx.emit(dataLoss(reader, true));
    // A shard no longer listed was trimmed away whole: nothing is left to read in it.
    if (kind === 'notFound') return finishShard(reader);
    reader.position = 'TRIM_HORIZON';
    return undefined;
  }
  const loss = dataLoss(reader, false);
  ctx.emit(loss);
  ctx.fail(loss);
  return 'failed';
};

const dataLoss = (reader: ShardReader, skipped: boolean): DataLoss => ({
  _tag: 'DataLoss',
  streamArn: reader.ctx.settings.streamArn,
  shardId: reader.shardId,
  checkpoint: reader.position,
  skipped,
  message:
    `records of shard ${reader.shardId} after ${reader.position} were trimmed before being processed` +
    (skipped ? '; continuing from TRIM_HORIZON as configured' : ''),
});
