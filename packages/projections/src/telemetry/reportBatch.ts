import type { BatchResult } from '../batch/batchResult.js';
import type { MetricSample, Telemetry } from './telemetry.js';

/** What a runner knows about one batch it ran. */
export interface BatchReport {
  /** Which runner: `lambda`, `poller`, `recovery`. */
  readonly runner: string;
  /** The `Service` dimension: the function or application (default `POWERTOOLS_SERVICE_NAME`, else `sluice`). */
  readonly service?: string;
  readonly received: number;
  readonly durationMs: number;
  readonly result: BatchResult;
  readonly shardId?: string;
  /** How far behind the stream the batch's last record was (the poller's iterator age). */
  readonly iteratorAgeMs?: number;
}

const count = (name: string, value: number): MetricSample => ({ name, unit: 'Count', value });

/**
 * Publishes a batch's metrics (records received, processed, applied, filtered, poison, dead letters written, writes
 * applied and unchanged, failed batches, duration; iterator age per shard) and logs each dead
 * letter and a stop with the projection, eventID, sequence number and shard they concern.
 * Never throws: reporting must not fail a batch.
 */
export const reportBatch = (telemetry: Telemetry, report: BatchReport): void => {
  try {
    const { result, shardId } = report;
    const service = report.service ?? process.env.POWERTOOLS_SERVICE_NAME ?? 'sluice';
    const dimensions = { Service: service, Runner: report.runner };
    const poisonRecords = new Set(result.poison.map((l, i) => l.eventId ?? `#${i}`)).size;
    const applied = result._tag === 'BatchCompleted' ? result.applied : undefined;
    const filtered = result._tag === 'BatchCompleted' ? (result.filtered ?? 0) : 0;
    telemetry.metrics.publish(dimensions, [
      count('RecordsReceived', report.received),
      count('RecordsProcessed', result.processed),
      count('RecordsApplied', result.processed - poisonRecords - filtered),
      count('RecordsFiltered', filtered),
      count('RecordsPoison', poisonRecords),
      count('DeadLettersWritten', result.poison.length),
      count('WritesApplied', applied?.written ?? 0),
      count('WritesUnchanged', applied?.unchanged ?? 0),
      count('BatchesFailed', result._tag === 'BatchFailed' ? 1 : 0),
      { name: 'BatchDuration', unit: 'Milliseconds', value: report.durationMs },
    ]);
    if (report.iteratorAgeMs !== undefined && shardId !== undefined)
      telemetry.metrics.publish({ ...dimensions, ShardId: shardId }, [
        { name: 'IteratorAge', unit: 'Milliseconds', value: Math.max(0, report.iteratorAgeMs) },
      ]);
    const where = shardId === undefined ? {} : { shardId };
    for (const letter of result.poison)
      telemetry.logger.warn('poison record dead-lettered', {
        projection: letter.projection,
        eventId: letter.eventId,
        sequenceNumber: letter.sequenceNumber,
        ...where,
        reason: letter.reason._tag,
        detail: letter.reason.message,
      });
    if (result._tag === 'BatchFailed')
      telemetry.logger.error('batch stopped; the record and every later one will be retried', {
        eventId: result.eventId,
        sequenceNumber: result.failedAt,
        ...where,
        failedIndex: result.failedIndex,
        cause: result.cause._tag,
        detail: result.cause.message,
      });
    else
      telemetry.logger.info('batch done', {
        ...where,
        records: report.received,
        durationMs: report.durationMs,
      });
  } catch {
    // A broken sink or logger must not turn a processed batch into a failed one.
  }
};
