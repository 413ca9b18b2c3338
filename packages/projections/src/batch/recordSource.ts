import type { ChangeEvent, StreamViewType } from '@sluice/core';
import type { PoisonReason } from '../deadLetter/deadLetter.js';

/** A change typed for some projection (its item and key types are erased while batched). */
export type AdmittedEvent = ChangeEvent<unknown, StreamViewType, unknown>;

/** What a record's eventID and sequence number are, as far as the record lets us read them. */
export interface RecordIdentity {
  readonly eventId: string | undefined;
  readonly sequenceNumber: string | undefined;
}

/**
 * How a batch's records reach the projections: raw records decoded with core's decoder, or
 * change events already decoded. `prepare` fills, per projection, the event it admits or why it
 * refuses it (both left undefined: filtered out), reusing the arrays to avoid per-record garbage.
 */
export interface RecordSource {
  readonly length: number;
  /** The record as delivered, for dead letters. */
  record(index: number): unknown;
  identity(index: number): RecordIdentity;
  /** Returns a reason when no projection can read the record at all (it is then poison for all). */
  prepare(
    index: number,
    events: Array<AdmittedEvent | undefined>,
    refusals: Array<PoisonReason | undefined>,
  ): PoisonReason | undefined;
}
