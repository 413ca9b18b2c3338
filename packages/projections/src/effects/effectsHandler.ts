import {
  type ChangeEvent,
  decodeRecord,
  type StreamRecordInput,
  type StreamViewType,
} from '@sluice/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { DeadLetterSink } from '../deadLetter/deadLetter.js';
import { providesImages } from '../projection/admit.js';
import type { PlannedEffect } from './effect.js';
import type { EffectProjection } from './effectProjection.js';
import { type EffectSettings, type EffectsOutcome, performEffects } from './performEffects.js';

/** What an effects handler runs: one effect projection, its idempotency table and its effect function. */
export interface EffectsHandlerOptions<T, V extends StreamViewType, K, P>
  extends EffectSettings<P> {
  readonly effects: EffectProjection<T, V, K, P>;
  /** Where undecodable records go; without a sink such a record blocks the shard (it is retried). */
  readonly deadLetters?: DeadLetterSink;
  /** Observes each batch's outcome (metrics, logs). */
  readonly onBatch?: (outcome: EffectsOutcome) => void;
}

/** A Lambda handler for an effect projection's event source mapping (ReportBatchItemFailures). */
export type EffectsHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

type Planned<P> = { index: number; effect: PlannedEffect<P> };

const failureAt = (event: DynamoDBStreamEvent, index: number): DynamoDBBatchResponse => ({
  batchItemFailures: [{ itemIdentifier: event.Records[index]?.dynamodb?.SequenceNumber ?? '' }],
});

/**
 * Decodes the batch, plans its effects (pure), performs them once in effect (`performEffects`),
 * then reports the batch: the first change whose effect did not complete is retried by Lambda
 * from its sequence number, and the effects before it are found DONE on the retry. Effects run
 * in their own handler, so a slow mailer never holds back the projections' tables.
 */
export const effectsHandler = <T, V extends StreamViewType, K, P>(
  options: EffectsHandlerOptions<T, V, K, P>,
): EffectsHandler => {
  const { effects } = options;
  const codecs = { item: effects.item, ...(effects.keys ? { keys: effects.keys } : {}) };
  return async (event) => {
    const planned: Planned<P>[] = [];
    for (let index = 0; index < event.Records.length; index++) {
      const record = event.Records[index]!;
      const decoded = decodeRecord(codecs, record as StreamRecordInput);
      const change = decoded._tag === 'Right' ? decoded.right : undefined;
      if (change === undefined || !providesImages(change.streamViewType, effects.viewType)) {
        const reason =
          decoded._tag === 'Left'
            ? decoded.left
            : {
                _tag: 'ViewTypeMismatch',
                message: `effects ${effects.name} read ${effects.viewType} images`,
              };
        const sent = await options.deadLetters?.send([
          {
            projection: effects.name,
            eventId: record.eventID,
            sequenceNumber: record.dynamodb?.SequenceNumber,
            reason,
            blocked: false,
            record,
          },
        ]);
        if (sent === undefined || sent._tag === 'Left') {
          // Effects planned before the poison record still run; the shard stops at it.
          const outcome = await performEffects(options, planned);
          options.onBatch?.(outcome);
          return failureAt(event, outcome.failure?.index ?? index);
        }
        continue;
      }
      for (const effect of effects.planEffects(change as ChangeEvent<T, V, K>))
        planned.push({ index, effect });
    }
    const outcome = await performEffects(options, planned);
    options.onBatch?.(outcome);
    return outcome.failure === undefined
      ? { batchItemFailures: [] }
      : failureAt(event, outcome.failure.index);
  };
};
