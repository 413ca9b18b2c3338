import { createHash } from 'node:crypto';
import type { DeadLetter, PoisonReason } from './deadLetter.js';
import { recordJson } from './recordJson.js';

/** The partition a letter goes to when no projection could read its record at all. */
export const UNREADABLE = '*';

/** A dead letter as a dead-letter table keeps it: one per (projection, letterId). */
export interface StoredLetter {
  /** The projection's name, or `*` (`UNREADABLE`) when the record could not be read at all. */
  readonly projection: string;
  /** The record's eventID; `sha256:<hex>` of the record when it has none, so a redelivery matches. */
  readonly letterId: string;
  readonly eventId: string | undefined;
  readonly sequenceNumber: string | undefined;
  readonly shardId: string | undefined;
  readonly streamArn: string | undefined;
  /** The table whose stream delivered the record, read from the stream ARN. */
  readonly sourceTable: string | undefined;
  readonly reason: PoisonReason;
  /** Where in the record the problem is, e.g. `NewImage.quantity` (several joined by `, `). */
  readonly fieldPath: string | undefined;
  readonly blocked: boolean;
  /** When the first delivery of the record was dead-lettered (ISO 8601). */
  readonly deadLetteredAt: string;
  /** The record as delivered; without `NewImage`/`OldImage` when `imagesOmitted`. */
  readonly record: unknown;
  /**
   * The record did not fit one item even compressed: only its keys and position are kept, and
   * redrive leaves the letter for `recoverFailedBatches` (within the stream's retention) or a rebuild.
   */
  readonly imagesOmitted: boolean;
}

/** Where a letter sits in its table. */
export interface LetterKey {
  readonly projection: string;
  readonly letterId: string;
}

/** The key of a letter: redeliveries of one record to one projection share it. */
export const letterKeyOf = (letter: DeadLetter): LetterKey => ({
  projection: letter.projection ?? UNREADABLE,
  letterId:
    letter.eventId ??
    `sha256:${createHash('sha256').update(recordJson(letter.record)).digest('hex')}`,
});

const field = (value: unknown, name: string): unknown =>
  value !== null && typeof value === 'object'
    ? (value as Record<string, unknown>)[name]
    : undefined;

/** The stream ARN of a letter: the record's `eventSourceARN`, else what the runner told. */
export const streamArnOf = (letter: DeadLetter): string | undefined => {
  const arn = field(letter.record, 'eventSourceARN');
  return typeof arn === 'string' ? arn : letter.streamArn;
};

/** The field paths a reason names: a codec's `path`, or each decode problem's `path`. */
export const fieldPathOf = (reason: PoisonReason): string | undefined => {
  const path = field(reason, 'path');
  if (Array.isArray(path)) return path.length > 0 ? path.join('.') : undefined;
  const problems = field(reason, 'problems');
  if (!Array.isArray(problems)) return undefined;
  const paths = problems
    .map((p) => field(p, 'path'))
    .filter((p): p is string => typeof p === 'string' && p !== '');
  return paths.length > 0 ? [...new Set(paths)].join(', ') : undefined;
};
