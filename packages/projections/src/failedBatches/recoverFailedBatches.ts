import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { lambdaShapedRecord } from '@sluice/core';
import * as E from 'fp-ts/lib/Either.js';
import { type ProcessBatchSettings, processBatch } from '../batch/processBatch.js';
import type { BatchInfo } from './batchInfo.js';
import { readBatchRange } from './readBatchRange.js';

/** How long DynamoDB Streams keeps records. */
export const STREAM_RETENTION_MS = 24 * 60 * 60 * 1000;

/** What `recoverFailedBatches` takes: the projections' batch settings, a Streams client, the batches. */
export interface RecoverFailedBatchesOptions
  extends Omit<ProcessBatchSettings, 'streamArn' | 'shardId'> {
  readonly streams: Pick<DynamoDBStreamsClient, 'send'>;
  /** The `DDBStreamBatchInfo` of each on-failure record (see `parseFailureRecords`). */
  readonly batches: readonly BatchInfo[];
  /** Default: the system clock; a batch that arrived over 24 h before is past retention. */
  readonly now?: () => Date;
  /** Called after each batch. */
  readonly onOutcome?: (outcome: RecoveryOutcome) => void;
}

/** The batch's records were read again and every one applied, filtered or dead-lettered. */
export interface BatchRecovered {
  readonly _tag: 'BatchRecovered';
  readonly batch: BatchInfo;
  readonly records: number;
  readonly poison: number;
}

/** The batch could not be recovered this time (store, dead-letter or stream failure): run again. */
export interface RecoveryFailed {
  readonly _tag: 'RecoveryFailed';
  readonly batch: BatchInfo;
  readonly message: string;
}

/** The batch's records are no longer in the stream: these projections miss them and need `rebuild`. */
export interface NeedsRebuild {
  readonly _tag: 'NeedsRebuild';
  readonly batch: BatchInfo;
  readonly projections: readonly string[];
  readonly reason: string;
}

/** What happened to one on-failure batch. */
export type RecoveryOutcome = BatchRecovered | RecoveryFailed | NeedsRebuild;

/** Every batch's outcome, and the projections any lost batch leaves needing a rebuild. */
export interface RecoverySummary {
  readonly outcomes: readonly RecoveryOutcome[];
  readonly recovered: number;
  readonly failed: number;
  readonly needsRebuild: readonly string[];
}

const rangeText = (batch: BatchInfo) =>
  `records ${batch.startSequenceNumber}..${batch.endSequenceNumber} of ${batch.shardId}`;

/**
 * Turns Lambda's on-failure records back into processed records: while a batch is within the
 * stream's 24-hour retention, re-reads exactly its shard range through the Streams API and runs
 * the projections on it (as the handler would, idempotently); past retention, names the
 * projections that now need a rebuild, and why. Batches of one shard go oldest first.
 */
export const recoverFailedBatches = async (
  options: RecoverFailedBatchesOptions,
): Promise<RecoverySummary> => {
  const { streams, batches, now = () => new Date(), onOutcome, ...settings } = options;
  const ordered = [...batches].sort((a, b) =>
    a.shardId !== b.shardId
      ? a.shardId < b.shardId
        ? -1
        : 1
      : BigInt(a.startSequenceNumber) < BigInt(b.startSequenceNumber)
        ? -1
        : 1,
  );
  const outcomes: RecoveryOutcome[] = [];
  for (const batch of ordered) {
    const outcome = await recoverOne(settings, streams, batch, now());
    outcomes.push(outcome);
    onOutcome?.(outcome);
  }
  const lost = outcomes.filter((o): o is NeedsRebuild => o._tag === 'NeedsRebuild');
  return {
    outcomes,
    recovered: outcomes.filter((o) => o._tag === 'BatchRecovered').length,
    failed: outcomes.filter((o) => o._tag === 'RecoveryFailed').length,
    needsRebuild: [...new Set(lost.flatMap((o) => o.projections))],
  };
};

const recoverOne = async (
  settings: Omit<ProcessBatchSettings, 'streamArn' | 'shardId'>,
  streams: RecoverFailedBatchesOptions['streams'],
  batch: BatchInfo,
  now: Date,
): Promise<RecoveryOutcome> => {
  const rebuild = (reason: string): NeedsRebuild => ({
    _tag: 'NeedsRebuild',
    batch,
    projections: settings.projections.map((p) => p.name),
    reason: `${rangeText(batch)} ${reason}: the projections never saw them`,
  });
  const arrived = Date.parse(batch.approximateArrivalOfFirstRecord ?? '');
  if (Number.isFinite(arrived) && now.getTime() - arrived > STREAM_RETENTION_MS)
    return rebuild(
      `arrived at ${batch.approximateArrivalOfFirstRecord}, past the stream's 24-hour retention`,
    );
  const read = await readBatchRange(streams, batch);
  if (E.isLeft(read)) {
    const { kind, message } = read.left;
    if (kind === 'trimmed' || kind === 'notFound')
      return rebuild(`are no longer in the stream (${message})`);
    return { _tag: 'RecoveryFailed', batch, message: `reading ${rangeText(batch)}: ${message}` };
  }
  if (!read.right.complete)
    return {
      _tag: 'RecoveryFailed',
      batch,
      message: `${rangeText(batch)}: the shard answered empty pages before the range's end`,
    };
  const records = read.right.records.map((r) => lambdaShapedRecord(r, batch.streamArn));
  const result = await processBatch({ ...settings, shardId: batch.shardId }, records);
  if (result._tag === 'BatchFailed')
    return {
      _tag: 'RecoveryFailed',
      batch,
      message: `${rangeText(batch)}: ${result.cause.message}`,
    };
  return { _tag: 'BatchRecovered', batch, records: records.length, poison: result.poison.length };
};
