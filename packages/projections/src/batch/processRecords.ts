import type { ChangeEvent } from '@sluice/core';
import type { PoisonReason } from '../deadLetter/deadLetter.js';
import { admit, providesImages } from '../projection/admit.js';
import type { Projection } from '../projection/projection.js';
import type { BatchResult } from './batchResult.js';
import type { BatchSettings } from './batchSettings.js';
import { type IncomingRecord, identityOf } from './incomingRecord.js';
import type { AdmittedEvent, RecordSource } from './recordSource.js';
import { runBatch } from './runBatch.js';

// A projection with the same codecs that read at least the same images admitted the event for
// this one too; a refusal carries over only between identical checks.
const reuse = (earlier: Projection, later: Projection, admitted: boolean): boolean =>
  earlier.item === later.item &&
  earlier.keys === later.keys &&
  (admitted
    ? providesImages(earlier.viewType, later.viewType)
    : earlier.viewType === later.viewType);

/**
 * Runs change events that are already decoded (e.g. from an in-memory stream) through the
 * projections, as `processBatch` does for raw records: each projection's codecs check the images
 * it reads, then the batch is planned and applied.
 */
export const processRecords = (
  settings: BatchSettings,
  records: readonly IncomingRecord[],
): Promise<BatchResult> => runBatch(settings, decodedSource(settings.projections, records));

const decodedSource = (
  projections: readonly Projection[],
  records: readonly IncomingRecord[],
): RecordSource => ({
  length: records.length,
  record: (index) => records[index]!.record,
  identity: (index) => identityOf(records[index]!),
  prepare(index, events, refusals) {
    const incoming = records[index]!;
    events.fill(undefined);
    refusals.fill(undefined);
    if (incoming.event._tag === 'Left') return incoming.event.left;
    admitAll(projections, incoming.record, incoming.event.right, events, refusals);
    return undefined;
  },
});

const admitAll = (
  projections: readonly Projection[],
  record: unknown,
  event: ChangeEvent<unknown>,
  events: Array<AdmittedEvent | undefined>,
  refusals: Array<PoisonReason | undefined>,
): void => {
  next: for (let j = 0; j < projections.length; j++) {
    const projection = projections[j]!;
    if (projection.accepts !== undefined && !projection.accepts(record)) continue;
    for (let k = 0; k < j; k++) {
      const admitted = events[k] !== undefined;
      if (!admitted && refusals[k] === undefined) continue;
      if (reuse(projections[k]!, projection, admitted)) {
        events[j] = events[k];
        refusals[j] = refusals[k];
        continue next;
      }
    }
    const result = admit(projection, event);
    if (result._tag === 'Right') events[j] = result.right;
    else refusals[j] = result.left;
  }
};

export type { BatchSettings } from './batchSettings.js';
