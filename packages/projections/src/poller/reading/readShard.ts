import * as E from 'fp-ts/lib/Either.js';
import type { HeldLease } from '../heldLease.js';
import { fixLatestStart } from './fixLatestStart.js';
import { getRecords } from './getRecords.js';
import { leaseDuties } from './leaseDuties.js';
import { finishShard, writeLease } from './leaseWrites.js';
import { openIterator } from './openIterator.js';
import { processPage } from './processPage.js';
import { recoverStreamCall } from './recoverStreamCall.js';
import { pause, type ReaderContext, type ReaderExit, type ShardReader } from './shardReader.js';

/**
 * Reads one leased shard until it ends, the lease is lost or handed over, or the poller stops:
 * GetRecords → process → checkpoint (fenced by the lease) → repeat, pausing when idle.
 * On stop it finishes the batch in hand, checkpoints it and releases the lease.
 */
export const readShard = async (ctx: ReaderContext, held: HeldLease): Promise<ReaderExit> => {
  const reader: ShardReader = {
    ctx,
    held,
    shardId: held.shardId,
    position: 'TRIM_HORIZON',
    iterator: undefined,
    failures: 0,
    spurious: 0,
  };
  if (!(await ctx.parentsFinished(held))) {
    const released = await writeLease(reader, { owner: undefined });
    return released === 'written' ? 'notReady' : released;
  }
  const checkpoint = held.lease.checkpoint;
  if (checkpoint === 'SHARD_END') return 'ended';
  reader.position = checkpoint;
  for (;;) {
    const exit = await readOnce(reader);
    if (exit !== undefined) return exit;
  }
};

// One turn of the loop: the lease's duties, then one page read, processed and checkpointed.
const readOnce = async (reader: ShardReader): Promise<ReaderExit | undefined> => {
  const { settings } = reader.ctx;
  const duty = await leaseDuties(reader);
  if (duty !== undefined) return duty;
  if (reader.position === 'LATEST') return fixLatestStart(reader);
  if (reader.iterator === undefined) {
    const opened = await openIterator(
      settings.streams,
      settings.streamArn,
      reader.shardId,
      reader.position,
    );
    if (E.isLeft(opened)) return recoverStreamCall(reader, opened.left);
    reader.iterator = opened.right;
    if (reader.iterator === undefined) {
      await pause(reader, settings.idleDelayMs);
      return undefined;
    }
  }
  const page = await getRecords(
    settings.streams,
    settings.streamArn,
    reader.shardId,
    reader.iterator,
    settings.batchSize,
  );
  if (E.isLeft(page)) return recoverStreamCall(reader, page.left);
  reader.spurious = 0;
  const { records, nextIterator } = page.right;
  const done = await processPage(reader, records);
  if (done !== 'readOn') return done === 'again' ? undefined : done;
  reader.failures = 0;
  return nextPage(reader, nextIterator, records.length === 0);
};

// Moves to the next page; a page without a next iterator ends a closed shard.
const nextPage = async (
  reader: ShardReader,
  nextIterator: string | undefined,
  empty: boolean,
): Promise<ReaderExit | undefined> => {
  const { ctx, shardId } = reader;
  if (nextIterator === undefined) {
    const listed = await ctx.describeShard(shardId);
    const closed = E.isRight(listed) && listed.right?.endingSequenceNumber !== undefined;
    if (closed) return finishShard(reader);
    // DynamoDB Local ends open shards' pages without a next iterator: reopen where we are.
    ctx.emit({ _tag: 'IteratorReopened', shardId, reason: 'missingNextIterator' });
    reader.iterator = undefined;
  } else reader.iterator = nextIterator;
  if (empty) await pause(reader, ctx.settings.idleDelayMs);
  return undefined;
};
