import type { Clock } from '@sluice/core';
import type { DynamoDBRecord } from 'aws-lambda';
import type { SeededRandom } from '../random/seededRandom.js';
import type { CountedFault, ResolvedFaults } from './deliveryFaults.js';
import type { DeliveredBatch, ReportInProgress } from './deliveryReport.js';
import type { OnFailureDestination } from './eventSourceMappingOptions.js';
import { type InvocationOutcome, outcomeOfResponse } from './invocationOutcome.js';
import { lambdaContext } from './lambdaContext.js';
import { headMoved, type Lane } from './lane.js';
import { type FailureCondition, onFailureRecord } from './onFailureRecord.js';
import type { ResolvedMappingOptions } from './resolveMappingOptions.js';
import { callHandler, type StreamHandler } from './streamHandler.js';

/** Everything a lane step needs besides the lane. */
export interface StepContext {
  readonly options: ResolvedMappingOptions;
  readonly faults: ResolvedFaults;
  /** Faults asked for with `true` that this drain has not injected yet. */
  readonly owed: Set<CountedFault>;
  readonly random: SeededRandom;
  readonly report: ReportInProgress;
  readonly streamArn: string;
  readonly functionName: string;
  readonly functionArn: string;
  readonly handler: StreamHandler;
  readonly clock: Clock;
  readonly onFailure: OnFailureDestination | undefined;
  readonly nextRequestId: () => string;
  /** How far to move a manual clock before retry number `retry` (1-based). */
  readonly retryDelayMs: (retry: number) => number;
}

const advance = (clock: Clock, ms: number): void => {
  const move = (clock as { advance?: unknown }).advance;
  if (typeof move === 'function' && ms > 0) move.call(clock, ms);
};

const acknowledge = (lane: Lane, count: number, ctx: StepContext): void => {
  lane.queue.splice(0, count);
  ctx.report.recordsSucceeded += count;
  headMoved(lane);
};

const discard = async (
  lane: Lane,
  count: number,
  condition: FailureCondition,
  ctx: StepContext,
): Promise<void> => {
  const records = lane.queue.splice(0, count);
  const record = onFailureRecord({
    records,
    shardId: lane.shardId,
    streamArn: ctx.streamArn,
    condition,
    invokeCount: lane.invokeCount,
    lastOutcome: lane.lastOutcome,
    requestId: ctx.nextRequestId(),
    functionArn: ctx.functionArn,
    now: new Date(ctx.clock.now()),
  });
  ctx.report.recordsDiscarded += records.length;
  ctx.report.onFailure.push(record);
  lane.sizes.shift();
  headMoved(lane);
  await ctx.onFailure?.(record);
};

/** Records at the head that are older than `MaximumRecordAgeInSeconds` (or the retention). */
const expiredAtHead = (lane: Lane, ctx: StepContext): number => {
  const now = ctx.clock.now();
  let count = 0;
  for (const record of lane.queue) {
    const created = (record.dynamodb?.ApproximateCreationDateTime ?? 0) * 1000;
    if (now - created <= ctx.options.maxRecordAgeMs) break;
    count++;
  }
  return count;
};

// A fault asked for with `true` is owed: it fires at its first opportunity (once, so it cannot
// stall a lane, whatever the limit in a row), then by chance like any other.
const mayInjectFault = (lane: Lane, ctx: StepContext, fault: CountedFault): boolean => {
  if (!ctx.owed.delete(fault)) {
    if (lane.faultsInARow >= ctx.faults.maxFaultsInARow) return false;
    if (!ctx.random.chance(ctx.faults[fault])) return false;
  }
  lane.faultsInARow++;
  return true;
};

/** Sets the size of the next batch (replacing the one that just ran). */
const nextSizeIs = (lane: Lane, size: number): void => {
  if (lane.sizes.length > 0) lane.sizes[0] = size;
  else lane.sizes.push(size);
};

/** A failed invocation that uses up a retry: discard when none is left, else schedule the retry. */
const retryOrDiscard = async (lane: Lane, failed: number, ctx: StepContext): Promise<void> => {
  lane.retries++;
  const { maxRetries, batchSize, bisect } = ctx.options;
  if (maxRetries >= 0 && lane.retries > maxRetries) {
    await discard(lane, failed, 'RetryAttemptsExhausted', ctx);
    return;
  }
  if (lane.lastOutcome === 'PartialFailure' && !bisect) lane.sizes.shift();
  else nextSizeIs(lane, failed);
  if (mayInjectFault(lane, ctx, 'regroupRetries')) {
    nextSizeIs(lane, ctx.random.int(1, batchSize));
    lane.nextFault = 'regrouped';
    ctx.report.faults.regroupedRetries++;
  }
  advance(ctx.clock, ctx.retryDelayMs(lane.retries));
};

const apply = async (
  lane: Lane,
  batch: readonly DynamoDBRecord[],
  outcome: InvocationOutcome,
  ctx: StepContext,
): Promise<void> => {
  switch (outcome._tag) {
    case 'Succeeded':
      if (mayInjectFault(lane, ctx, 'duplicateBatch')) {
        nextSizeIs(lane, batch.length);
        lane.nextFault = 'duplicate';
        ctx.report.faults.duplicatedBatches++;
        return;
      }
      lane.sizes.shift();
      acknowledge(lane, batch.length, ctx);
      return;
    case 'PartiallyFailed': {
      if (outcome.firstFailed > 0) {
        const { invokeCount } = lane;
        acknowledge(lane, outcome.firstFailed, ctx);
        lane.invokeCount = invokeCount;
      }
      lane.lastOutcome = 'PartialFailure';
      await retryOrDiscard(lane, batch.length - outcome.firstFailed, ctx);
      return;
    }
    case 'Failed':
      lane.lastOutcome = 'FunctionError';
      if (ctx.options.bisect && batch.length > 1) {
        // Splitting uses no retry: each half is tried on its own, the first one first.
        const half = Math.ceil(batch.length / 2);
        lane.sizes.splice(0, lane.sizes.length > 0 ? 1 : 0, half, batch.length - half);
        ctx.report.bisections++;
        return;
      }
      await retryOrDiscard(lane, batch.length, ctx);
      return;
  }
};

/**
 * Runs the batch at the head of a lane once and applies Lambda's rules to the outcome: acknowledge,
 * retry from the lowest failure, bisect, or discard to the on-failure destination. Records past
 * their maximum age are discarded before the batch is formed.
 */
export const stepLane = async (lane: Lane, ctx: StepContext): Promise<void> => {
  const expired = expiredAtHead(lane, ctx);
  if (expired > 0) {
    await discard(lane, expired, 'RecordAgeExceeded', ctx);
    return;
  }
  const batch = lane.queue.slice(0, lane.sizes[0] ?? ctx.options.batchSize);
  if (batch.length === 0) return;
  const isRetry = lane.invokeCount > 0 && lane.nextFault !== 'duplicate';
  const requestId = ctx.nextRequestId();
  const context = lambdaContext(ctx.functionName, ctx.functionArn, requestId);
  lane.invokeCount++;
  ctx.report.invocations++;
  if (isRetry) ctx.report.retries++;
  // A fresh copy each time: Lambda sends JSON, so a handler that mutates its event changes nothing.
  const result = await callHandler(ctx.handler, { Records: structuredClone([...batch]) }, context);
  let outcome: InvocationOutcome =
    'threw' in result
      ? { _tag: 'Failed', reason: 'Threw', message: String(result.threw) }
      : outcomeOfResponse(result.returned, batch, ctx.options.reportsItemFailures);
  let fault: DeliveredBatch['fault'] = lane.nextFault;
  lane.nextFault = undefined;
  if (mayInjectFault(lane, ctx, 'loseResponse')) {
    outcome = {
      _tag: 'Failed',
      reason: 'ResponseLost',
      message: 'the response was lost after the handler ran',
    };
    fault = 'responseLost';
    ctx.report.faults.lostResponses++;
  }
  ctx.report.batches.push({
    shardId: lane.shardId,
    lane: lane.index,
    requestId,
    sequenceNumbers: batch.map((record) => record.dynamodb?.SequenceNumber ?? ''),
    retry: lane.retries,
    outcome,
    ...(fault === undefined ? {} : { fault }),
  });
  await apply(lane, batch, outcome, ctx);
};
