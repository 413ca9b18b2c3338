import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import { retryDelay } from '../../retry/retryDelay.js';
import type { BatchOutcome } from '../shardBatchProcessor.js';
import { leaseCheckpointer, pageCheckpoint } from './leaseCheckpointer.js';
import { leaseLost } from './leaseWrites.js';
import { pause, type ReaderExit, type ShardReader } from './shardReader.js';

/** After a page: `readOn` to its next iterator, `again` to the loop's top (re-reading), or an exit. */
export type PageDone = 'readOn' | 'again' | ReaderExit;

/**
 * Runs a page's records through the processor and keeps how far it got as the checkpoint, in
 * the lease (`leaseCheckpointer`); if it stopped early, backs off and re-reads from there.
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
  const checkpoint = pageCheckpoint(records, outcome.processed, outcome.failure !== undefined);
  const { handled: processed, through } = checkpoint;
  const kept = await leaseCheckpointer(reader).store(checkpoint);
  if (kept === 'lost') return leaseLost(reader, 'checkpoint refused: the lease moved on');
  if (kept === 'failed') return 'failed';
  if (through !== undefined)
    ctx.emit({ _tag: 'BatchProcessed', shardId, records: processed, checkpoint: through });
  if (checkpoint.complete) return 'readOn';
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
