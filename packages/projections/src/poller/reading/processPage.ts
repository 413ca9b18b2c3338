import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import { retryDelay } from '../../retry/retryDelay.js';
import type { BatchOutcome } from '../shardBatchProcessor.js';
import { leaseLost, writeLease } from './leaseWrites.js';
import { type Position, pause, type ReaderExit, type ShardReader } from './shardReader.js';

/** After a page: `readOn` to its next iterator, `again` to the loop's top (re-reading), or an exit. */
export type PageDone = 'readOn' | 'again' | ReaderExit;

/**
 * Runs a page's records through the processor and checkpoints how far it got (fenced by the
 * lease); if it stopped early, backs off and re-reads from the checkpoint.
 */
export const processPage = async (
  reader: ShardReader,
  records: readonly _Record[],
): Promise<PageDone> => {
  const { ctx, held, shardId } = reader;
  if (records.length === 0) return 'readOn';
  // Not yet in hand: a stop now leaves these records to whoever takes the lease next.
  if (ctx.stopping() || held.lost) return 'again';
  const outcome = await runProcessor(reader, records);
  if (outcome === undefined) return 'failed';
  const processed = Math.max(0, Math.min(outcome.processed, records.length));
  const last = records[processed - 1]?.dynamodb?.SequenceNumber;
  if (last !== undefined) {
    const checkpointed = await writeLease(reader, {
      owner: ctx.settings.workerId,
      checkpoint: last as Position,
    });
    if (checkpointed === 'lost') return leaseLost(reader, 'checkpoint refused: the lease moved on');
    if (checkpointed === 'failed') return 'failed';
    reader.position = last as Position;
    ctx.emit({ _tag: 'BatchProcessed', shardId, records: processed, checkpoint: last });
  }
  if (outcome.failure === undefined && processed === records.length) return 'readOn';
  reader.failures += 1;
  const retryInMs = retryDelay(reader.failures, ctx.settings.retryDelayMs, ctx.settings.random);
  ctx.emit({
    _tag: 'BatchFailed',
    shardId,
    processed,
    message: outcome.failure?.message ?? `only ${processed} of ${records.length} records processed`,
    retryInMs,
  });
  reader.iterator = undefined;
  await pause(reader, retryInMs);
  return 'again';
};

// The processor's outcome; `undefined` when it threw (the poller is then stopped).
const runProcessor = async (
  reader: ShardReader,
  records: readonly _Record[],
): Promise<BatchOutcome | undefined> => {
  const { settings } = reader.ctx;
  try {
    return await settings.processor(records, {
      streamArn: settings.streamArn,
      shardId: reader.shardId,
    });
  } catch (error) {
    reader.ctx.fail({
      _tag: 'ProcessorThrew',
      shardId: reader.shardId,
      message: `the batch processor threw: ${String(error)}`,
    });
    return undefined;
  }
};
