import { SequenceNumberCodec } from '@sluice/core';
import * as t from 'io-ts';

/** Key attribute of a marker table: the source item's identity (`Contribute.markerId`). */
export const MARKER_ID = 'markerId';

const Bytes = new t.Type<Uint8Array>(
  'Uint8Array',
  (u): u is Uint8Array => u instanceof Uint8Array,
  (u, c) => (u instanceof Uint8Array ? t.success(u) : t.failure(u, c)),
  t.identity,
);

// The scalar types DynamoDB allows in keys, as lib-dynamodb unmarshalls them.
const KeyValue = t.union([t.string, t.number, Bytes]);

/** What a source item currently contributes: its group's key and its amounts. */
const ContributionCodec = t.type({
  group: t.record(t.string, KeyValue),
  amounts: t.record(t.string, t.number),
});

/**
 * A marker item as stored: the last sequence number applied for one source item, and what that
 * item contributes now (`null`: nothing). Read back from DynamoDB, so it is decoded, not trusted.
 */
export const MarkerCodec = t.type({
  markerId: t.string,
  sequenceNumber: SequenceNumberCodec,
  contribution: t.union([t.null, ContributionCodec]),
});

/** A decoded marker item. */
export type Marker = t.TypeOf<typeof MarkerCodec>;
