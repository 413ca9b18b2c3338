import type { ChangeEvent } from '@sluice/core';
import type * as E from 'fp-ts/lib/Either.js';
import type { PoisonReason } from '../deadLetter/deadLetter.js';

/** One record of a batch as a runner hands it over: the record as delivered, and its decoding. */
export interface IncomingRecord {
  /** The record exactly as delivered (Lambda or Streams API shape): filters and dead letters see it. */
  readonly record: unknown;
  /** The decoded change, or why the record could not be decoded (it is then poison). */
  readonly event: E.Either<PoisonReason, ChangeEvent<unknown>>;
}

const field = (value: unknown, name: string): unknown =>
  value !== null && typeof value === 'object'
    ? (value as Record<string, unknown>)[name]
    : undefined;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** The eventID and sequence number of a record, read defensively from the raw record when it did not decode. */
export const identityOf = (
  incoming: IncomingRecord,
): { readonly eventId: string | undefined; readonly sequenceNumber: string | undefined } =>
  incoming.event._tag === 'Right'
    ? { eventId: incoming.event.right.eventId, sequenceNumber: incoming.event.right.sequenceNumber }
    : {
        eventId: text(field(incoming.record, 'eventID')),
        sequenceNumber: text(field(field(incoming.record, 'dynamodb'), 'SequenceNumber')),
      };
