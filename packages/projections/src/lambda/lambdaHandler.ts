import type { FilterCriteriaJson } from '@sluice/core';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import * as E from 'fp-ts/lib/Either.js';
import type { BatchResult } from '../batch/batchResult.js';
import type { BatchSettings } from '../batch/batchSettings.js';
import { type ProcessBatchSettings, processBatch } from '../batch/processBatch.js';
import { checkUniqueNames } from '../projection/uniqueNames.js';
import { reportBatch } from '../telemetry/reportBatch.js';
import { defaultTelemetry } from '../telemetry/runnerTelemetry.js';
import type { Telemetry } from '../telemetry/telemetry.js';
import {
  type EventSourceMappingSettings,
  recommendedEventSourceMapping,
} from './eventSourceMapping.js';
import { filterCriteriaOf } from './filterCriteriaOf.js';
import { lambdaCheckpointer } from './lambdaCheckpointer.js';

/** What `lambdaHandler` takes: projections, their store, the dead-letter sink, the poison policy. */
export interface LambdaHandlerOptions extends Omit<ProcessBatchSettings, 'streamArn'> {
  /** Observes every batch's outcome (logs, metrics); it must not throw. */
  readonly onBatch?: (result: BatchResult, context: Context) => void;
  /**
   * Metrics (EMF) and structured logs of every batch; default: EMF and JSON logs on stdout
   * inside Lambda (see `telemetry` for Powertools), nothing elsewhere.
   */
  readonly telemetry?: Telemetry;
}

/** A Lambda handler for DynamoDB stream events that runs projections. */
export interface ProjectionHandler {
  (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse>;
  /** The OR of the projections' filters as `FilterCriteria` JSON; `undefined` when every record is needed. */
  readonly filterCriteria: FilterCriteriaJson | undefined;
  /** The event source mapping this handler expects (see `recommendedEventSourceMapping`). */
  readonly recommendedEventSourceMapping: EventSourceMappingSettings;
}

/**
 * Turns projections into a Lambda handler for a DynamoDB stream event source mapping with
 * `FunctionResponseTypes: ['ReportBatchItemFailures']` (see `recommendedEventSourceMapping`).
 * The batch runs through `processBatch`; the first record it could not apply (a store failure
 * after retries, or a poison record with `poison: 'block'`) is returned as the batch item
 * failure, so Lambda retries from there and no later change is applied ahead of it (later
 * writes that did land are idempotent). Poison records go to the dead-letter sink and, by
 * default, are moved past.
 */
export const lambdaHandler = (options: LambdaHandlerOptions): ProjectionHandler => {
  const { onBatch, telemetry = defaultTelemetry(), ...settings } = options;
  checkUniqueNames(settings.projections, 'lambdaHandler');
  const filterCriteria = filterCriteriaOf(settings.projections);

  const handler = async (
    event: DynamoDBStreamEvent,
    context: Context,
  ): Promise<DynamoDBBatchResponse> => {
    const records: unknown = (event as Partial<DynamoDBStreamEvent> | null)?.Records;
    if (!Array.isArray(records)) return malformedEvent(settings, event);
    if (records.length === 0) return { batchItemFailures: [] };
    const started = Date.now();
    const result = await processBatch(settings, records);
    onBatch?.(result, context);
    reportBatch(telemetry, {
      runner: 'lambda',
      ...(context?.functionName ? { service: context.functionName } : {}),
      received: records.length,
      durationMs: Date.now() - started,
      result,
    });
    return lambdaCheckpointer.store(result.checkpoint);
  };
  return Object.assign(handler, {
    filterCriteria,
    recommendedEventSourceMapping: recommendedEventSourceMapping(filterCriteria),
  });
};

// An event without a `Records` array is not a stream batch: keep it as a dead letter, never drop it silently.
const malformedEvent = async (
  settings: BatchSettings,
  event: unknown,
): Promise<DynamoDBBatchResponse> => {
  const sent = await settings.deadLetters.send([
    {
      projection: undefined,
      eventId: undefined,
      sequenceNumber: undefined,
      reason: { _tag: 'MalformedEvent', message: 'the Lambda event has no Records array' },
      blocked: false,
      record: event,
    },
  ]);
  return E.isRight(sent)
    ? { batchItemFailures: [] }
    : { batchItemFailures: [{ itemIdentifier: '' }] };
};
