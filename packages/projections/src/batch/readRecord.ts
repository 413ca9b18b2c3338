import type { ChangeEvent, StreamViewType } from '@sluice/core';
import type { PoisonReason } from '../deadLetter/deadLetter.js';
import { identityOf, type RecordIdentity } from './recordIdentity.js';

/** A change typed for some projection (its item and key types are erased while batched). */
export type AdmittedEvent = ChangeEvent<unknown, StreamViewType, unknown>;

/**
 * One record of a batch after decoding and admission: per projection (same index), the event it
 * admits or why it refuses the record; both `undefined`: its filter left the record out.
 */
export interface ReadRecord {
  /** The record exactly as delivered: dead letters keep it. */
  readonly record: unknown;
  /** The change as decoded, before any projection's admission (`undefined`: it did not decode). */
  readonly decoded: RecordIdentity | undefined;
  /** Why no projection can read the record at all: it is then poison for every projection. */
  readonly unreadable: PoisonReason | undefined;
  readonly events: readonly (AdmittedEvent | undefined)[];
  readonly refusals: readonly (PoisonReason | undefined)[];
}

/** The record's eventID and sequence number (see `identityOf`). */
export const readIdentity = (read: ReadRecord): RecordIdentity =>
  identityOf(read.record, read.decoded);

const NONE: readonly never[] = [];

/** A record no projection can read. */
export const unreadableRecord = (record: unknown, reason: PoisonReason): ReadRecord => ({
  record,
  decoded: undefined,
  unreadable: reason,
  events: NONE,
  refusals: NONE,
});
