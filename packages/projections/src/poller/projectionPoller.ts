import type { BatchResult } from '../batch/batchResult.js';
import { type ProcessBatchSettings, processBatch } from '../batch/processBatch.js';
import { checkUniqueNames } from '../projection/uniqueNames.js';
import type { StreamPollerOptions } from './pollerOptions.js';
import { lambdaShapedRecord } from './reading/lambdaShapedRecord.js';
import type { ShardBatchProcessor, ShardRef } from './shardBatchProcessor.js';
import { type StreamPoller, streamPoller } from './streamPoller.js';

/** A stream poller's options, with projections in place of a record processor. */
export interface ProjectionPollerOptions
  extends Omit<StreamPollerOptions, 'processor'>,
    Omit<ProcessBatchSettings, 'streamArn'> {
  /** Observes every batch's outcome (logs, metrics); it must not throw. */
  readonly onBatch?: (result: BatchResult, shard: ShardRef) => void;
}

/** Runs projections on batches as the Lambda handler does, on records put in Lambda's shape. */
export const projectionProcessor =
  (
    settings: Omit<ProcessBatchSettings, 'streamArn'>,
    onBatch?: (result: BatchResult, shard: ShardRef) => void,
  ): ShardBatchProcessor =>
  async (records, shard) => {
    const shaped = records.map((record) => lambdaShapedRecord(record, shard.streamArn));
    const result = await processBatch({ ...settings, shardId: shard.shardId }, shaped);
    onBatch?.(result, shard);
    return result._tag === 'BatchCompleted'
      ? { processed: result.processed }
      : { processed: result.processed, failure: { message: result.cause.message } };
  };

/** A stream poller running projections: the long-running counterpart of `lambdaHandler`. */
export const projectionPoller = (options: ProjectionPollerOptions): StreamPoller => {
  const { projections, store, deadLetters, poison, inexactNumbers, onBatch, ...poller } = options;
  checkUniqueNames(projections, 'projectionPoller');
  const batch: Omit<ProcessBatchSettings, 'streamArn'> = {
    projections,
    store,
    deadLetters,
    ...(poison === undefined ? {} : { poison }),
    ...(inexactNumbers === undefined ? {} : { inexactNumbers }),
  };
  return streamPoller({ ...poller, processor: projectionProcessor(batch, onBatch) });
};
