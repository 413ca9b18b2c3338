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
