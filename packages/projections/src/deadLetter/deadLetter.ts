import type * as E from 'fp-ts/lib/Either.js';
import type { StoreError } from '../store/storeError.js';

/** Why a record is poison: it could not be decoded, or a projection's codec or view type refused it. */
export interface PoisonReason {
  readonly _tag: string;
  readonly message: string;
}

/** A poison record, kept with enough context to find, fix and replay it. */
export interface DeadLetter {
  /** The projection that refused the record; `undefined` when no projection could read it. */
  readonly projection: string | undefined;
  readonly eventId: string | undefined;
  /** As found in the record (it may be the very thing that is malformed). */
  readonly sequenceNumber: string | undefined;
  readonly reason: PoisonReason;
  /** Whether the batch stopped at this record (`poison: 'block'`) rather than moving past it. */
  readonly blocked: boolean;
  /** The record exactly as delivered. */
  readonly record: unknown;
  /** The shard the record was read from, when the runner knows it (the poller does, Lambda does not). */
  readonly shardId?: string;
  /** The stream's ARN, when the record does not carry it (Streams API records have no `eventSourceARN`). */
  readonly streamArn?: string;
}

/**
 * Where poison records go. Delivery is at least once: a batch retried after a later failure sends
 * its letters again, so a sink that must not hold duplicates dedupes on (projection, eventId).
 */
export interface DeadLetterSink {
  /** Stores the letters; a `Left` stops the batch at the first of them, so nothing is lost. */
  send(letters: readonly DeadLetter[]): Promise<E.Either<StoreError, void>>;
}
