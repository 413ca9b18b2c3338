import type { ChangeEvent } from '@sluice/core';
import type { PoisonReason } from '../deadLetter/deadLetter.js';
import { admit, providesImages } from '../projection/admit.js';
import type { Projection } from '../projection/projection.js';
import type { IncomingRecord } from './incomingRecord.js';
import { type AdmittedEvent, type ReadRecord, unreadableRecord } from './readRecord.js';

// A projection with the same codecs that read at least the same images admitted the event for
// this one too; a refusal carries over only between identical checks.
const reuse = (earlier: Projection, later: Projection, admitted: boolean): boolean =>
  earlier.item === later.item &&
  earlier.keys === later.keys &&
  (admitted
    ? providesImages(earlier.viewType, later.viewType)
    : earlier.viewType === later.viewType);

/**
 * Admits change events that are already decoded (e.g. from an in-memory stream): each
 * projection's filter on the record as delivered, then its view type and codecs on the event.
 * A record that did not decode is unreadable for every projection.
 */
export const admitDecodedRecords = (
  projections: readonly Projection[],
  records: readonly IncomingRecord[],
): ReadRecord[] =>
  records.map(({ record, event }) =>
    event._tag === 'Left'
      ? unreadableRecord(record, event.left)
      : admitAll(projections, record, event.right),
  );

const admitAll = (
  projections: readonly Projection[],
  record: unknown,
  event: ChangeEvent<unknown>,
): ReadRecord => {
  const events: Array<AdmittedEvent | undefined> = new Array(projections.length);
  const refusals: Array<PoisonReason | undefined> = new Array(projections.length);
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
  return { record, decoded: event, unreadable: undefined, events, refusals };
};
