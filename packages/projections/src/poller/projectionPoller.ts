import { lambdaShapedRecord } from '@sluice/core';
import type { BatchResult } from '../batch/batchResult.js';
import { type ProcessBatchSettings, processBatch } from '../batch/processBatch.js';
import { checkUniqueNames } from '../projection/uniqueNames.js';
import { reportBatch } from '../telemetry/reportBatch.js';
import { silentTelemetry, type Telemetry } from '../telemetry/telemetry.js';
import type { StreamPollerOptions } from './pollerOptions.js';
import type { ShardBatchProcessor, ShardRef } from './shardBatchProcessor.js';
import { type StreamPoller, streamPoller } from './streamPoller.js';

/** A stream poller's options, with projections in place of a record processor. */
export interface ProjectionPollerOptions
  extends Omit<StreamPollerOptions, 'processor'>,
    Omit<ProcessBatchSettings, 'streamArn'> {
  /** Observes every batch's outcome (logs, metrics); it must not throw. */
  readonly onBatch?: (result: BatchResult, shard: ShardRef) => void;
  /** Metrics (EMF, iterator age per shard) and structured logs of every batch; default: none. */
  readonly telemetry?: Telemetry;
  /** The `Service` dimension of the metrics (default `POWERTOOLS_SERVICE_NAME`, else `sluice`). */
  readonly service?: string;
}

/** Runs projections on batches as the Lambda handler does, on records put in Lambda's shape. */
export const projectionProcessor =
  (
    settings: Omit<ProcessBatchSettings, 'streamArn'>,
    onBatch?: (result: BatchResult, shard: ShardRef) => void,
    telemetry: Telemetry = silentTelemetry,
    service?: string,
  ): ShardBatchProcessor =>
  async (records, shard) => {
    const started = Date.now();
    const shaped = records.map((record) => lambdaShapedRecord(record, shard.streamArn));
    const result = await processBatch({ ...settings, shardId: shard.shardId }, shaped);
    onBatch?.(result, shard);
    const last = records[records.length - 1]?.dynamodb?.ApproximateCreationDateTime;
    reportBatch(telemetry, {
      runner: 'poller',
      ...(service === undefined ? {} : { service }),
      received: records.length,
      durationMs: Date.now() - started,
      result,
      shardId: shard.shardId,
      ...(last instanceof Date ? { iteratorAgeMs: Date.now() - last.getTime() } : {}),
    });
    return result._tag === 'BatchCompleted'
      ? { processed: result.processed }
      : { processed: result.processed, failure: { message: result.cause.message } };
  };

/** A stream poller running projections: the long-running counterpart of `lambdaHandler`. */
export const projectionPoller = (options: ProjectionPollerOptions): StreamPoller => {
  const {
    projections,
    store,
    deadLetters,
    poison,
    inexactNumbers,
    onBatch,
    telemetry,
    service,
    ...poller
  } = options;
  checkUniqueNames(projections, 'projectionPoller');
  const batch: Omit<ProcessBatchSettings, 'streamArn'> = {
    projections,
    store,
    deadLetters,
    ...(poison === undefined ? {} : { poison }),
    ...(inexactNumbers === undefined ? {} : { inexactNumbers }),
  };
  return streamPoller({
    ...poller,
    processor: projectionProcessor(batch, onBatch, telemetry, service),
  });
};
