import {
  type DecodeFailure,
  decodeRecord,
  type InexactNumbers,
  type StreamRecordInput,
} from '@sluice/core';
import type * as E from 'fp-ts/lib/Either.js';
import { providesImages } from '../projection/admit.js';
import type { Projection } from '../projection/projection.js';
import type { BatchResult } from './batchResult.js';
import type { BatchSettings } from './batchSettings.js';
import type { AdmittedEvent, RecordIdentity, RecordSource } from './recordSource.js';
import { runBatch } from './runBatch.js';

/** Settings of `processBatch`: those of every batch, plus what raw records may not carry. */
export interface ProcessBatchSettings extends BatchSettings {
  /** The stream ARN, for Streams API records (they carry no `eventSourceARN`). */
  readonly streamArn?: string;
  /** Numbers a JS `number` cannot hold exactly: `fail` (default: poison) or `wrap` them. */
  readonly inexactNumbers?: InexactNumbers;
}

/**
 * Runs a batch of raw stream records (Lambda or Streams API shape) through the projections:
 * each projection's filter on the raw record, decoding with its codecs (once per distinct pair of
 * codecs, through core's fast path), then planning and applying the whole batch. A record that
 * cannot be decoded is poison for every projection; an image a codec rejects, for the projections
 * using that codec.
 */
export const processBatch = (
  settings: ProcessBatchSettings,
  records: readonly unknown[],
): Promise<BatchResult> => runBatch(settings, rawSource(settings, records));

type Decoded = E.Either<DecodeFailure, AdmittedEvent>;

// Projections sharing an item codec and a key codec decode a record once.
const codecGroups = (projections: readonly Projection[]) => {
  const groups: { item: Projection['item']; keys: Projection['keys'] }[] = [];
  const groupOf = projections.map((p) => {
    const found = groups.findIndex((g) => g.item === p.item && g.keys === p.keys);
    if (found >= 0) return found;
    groups.push({ item: p.item, keys: p.keys });
    return groups.length - 1;
  });
  return { groups, groupOf };
};

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;
const field = (value: unknown, name: string): unknown =>
  value !== null && typeof value === 'object'
    ? (value as Record<string, unknown>)[name]
    : undefined;

const rawSource = (settings: ProcessBatchSettings, records: readonly unknown[]): RecordSource => {
  const { projections } = settings;
  const { groups, groupOf } = codecGroups(projections);
  const codecs = groups.map((g) => ({
    item: g.item,
    ...(g.keys ? { keys: g.keys } : {}),
    ...(settings.inexactNumbers ? { inexactNumbers: settings.inexactNumbers } : {}),
  }));
  const context = settings.streamArn === undefined ? undefined : { streamArn: settings.streamArn };
  const decoded: Array<Decoded | undefined> = new Array(groups.length);
  return {
    length: records.length,
    record: (index) => records[index],
    identity: (index): RecordIdentity => {
      const record = records[index];
      return {
        eventId: text(field(record, 'eventID')),
        sequenceNumber: text(field(field(record, 'dynamodb'), 'SequenceNumber')),
      };
    },
    prepare(index, events, refusals) {
      const record = records[index];
      decoded.fill(undefined);
      for (let j = 0; j < projections.length; j++) {
        const projection = projections[j]!;
        events[j] = undefined;
        refusals[j] = undefined;
        if (projection.accepts !== undefined && !projection.accepts(record)) continue;
        const g = groupOf[j]!;
        let result = decoded[g];
        if (result === undefined) {
          result = decodeRecord(codecs[g]!, record as StreamRecordInput, context) as Decoded;
          decoded[g] = result;
        }
        if (result._tag === 'Left') {
          // Only a codec's verdict is this projection's business; anything else is the record's.
          if (result.left._tag !== 'ImageDecodeFailure') return result.left;
          refusals[j] = result.left;
          continue;
        }
        const event = result.right;
        if (providesImages(event.streamViewType, projection.viewType)) events[j] = event;
        else
          refusals[j] = {
            _tag: 'ViewTypeMismatch',
            message:
              `projection ${projection.name} reads ${projection.viewType} images but record ` +
              `${event.eventId} comes from a ${event.streamViewType} stream`,
          };
      }
      return undefined;
    },
  };
};
