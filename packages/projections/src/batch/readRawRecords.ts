import {
  type DecodeFailure,
  decodeRecord,
  type InexactNumbers,
  type StreamRecordInput,
} from '@sluice/core';
import type * as E from 'fp-ts/lib/Either.js';
import type { PoisonReason } from '../deadLetter/deadLetter.js';
import { providesImages } from '../projection/admit.js';
import type { Projection } from '../projection/projection.js';
import { type AdmittedEvent, type ReadRecord, unreadableRecord } from './readRecord.js';

/** How raw records are decoded: the stream ARN they may not carry, what to do with inexact numbers. */
export interface RawDecoding {
  readonly streamArn?: string;
  readonly inexactNumbers?: InexactNumbers;
}

type Decoded = E.Either<DecodeFailure, AdmittedEvent>;

// Shared by every record no projection refused: read by index only, never written.
const NO_REFUSALS: readonly undefined[] = [];

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

/**
 * Decodes and admits raw stream records (Lambda or Streams API shape): each projection's filter
 * on the raw record, then its codecs (once per distinct pair of codecs, through core's fast
 * path, keys included), then its view type. A record that cannot be decoded is unreadable for
 * every projection; an image a codec rejects is a refusal of the projections using that codec.
 */
export const readRawRecords = (
  projections: readonly Projection[],
  decoding: RawDecoding,
  records: readonly unknown[],
): ReadRecord[] => {
  const { groups, groupOf } = codecGroups(projections);
  const codecs = groups.map((g) => ({
    item: g.item,
    ...(g.keys ? { keys: g.keys } : {}),
    ...(decoding.inexactNumbers ? { inexactNumbers: decoding.inexactNumbers } : {}),
  }));
  const context = decoding.streamArn === undefined ? undefined : { streamArn: decoding.streamArn };
  const decoded: Array<Decoded | undefined> = new Array(groups.length);
  const read: ReadRecord[] = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    decoded.fill(undefined);
    const events: Array<AdmittedEvent | undefined> = new Array(projections.length);
    // Allocated at the first refusal: nearly every record has none.
    let refusals: Array<PoisonReason | undefined> | undefined;
    let unreadable: DecodeFailure | undefined;
    let first: AdmittedEvent | undefined;
    for (let j = 0; j < projections.length && unreadable === undefined; j++) {
      const projection = projections[j]!;
      if (projection.accepts !== undefined && !projection.accepts(record)) continue;
      const g = groupOf[j]!;
      let result = decoded[g];
      if (result === undefined) {
        result = decodeRecord(codecs[g]!, record as StreamRecordInput, context) as Decoded;
        decoded[g] = result;
      }
      if (result._tag === 'Left') {
        // Only a codec's verdict is this projection's business; anything else is the record's.
        if (result.left._tag !== 'ImageDecodeFailure') {
          unreadable = result.left;
          continue;
        }
        refusals ??= new Array(projections.length);
        refusals[j] = result.left;
        continue;
      }
      const event = result.right;
      first ??= event;
      if (providesImages(event.streamViewType, projection.viewType)) events[j] = event;
      else {
        refusals ??= new Array(projections.length);
        refusals[j] = viewTypeMismatch(projection, event);
      }
    }
    read[i] =
      unreadable !== undefined
        ? unreadableRecord(record, unreadable)
        : {
            record,
            decoded: first,
            unreadable: undefined,
            events,
            refusals: refusals ?? NO_REFUSALS,
          };
  }
  return read;
};

const viewTypeMismatch = (projection: Projection, event: AdmittedEvent): PoisonReason => ({
  _tag: 'ViewTypeMismatch',
  message:
    `projection ${projection.name} reads ${projection.viewType} images but record ` +
    `${event.eventId} comes from a ${event.streamViewType} stream`,
});
