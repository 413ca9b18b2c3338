import * as E from 'fp-ts/lib/Either.js';
import type { DeadLetter } from '../deadLetter/deadLetter.js';
import type { BatchFailure } from './batchResult.js';
import type { BatchSettings } from './batchSettings.js';
import { poisonLetter } from './poisonLetter.js';
import type { ReadRecord } from './readRecord.js';

/** Where the batch must stop, and why. */
export interface BatchStop {
  readonly at: number;
  readonly cause: BatchFailure;
}

/** The poison records sent, and the record the batch stops at (`undefined`: none). */
export interface PoisonSent {
  readonly poison: readonly DeadLetter[];
  readonly stop: BatchStop | undefined;
}

// A record's letters: one for all when nobody can read it, else one per refusing projection.
const lettersOf = (settings: BatchSettings, read: ReadRecord, blocked: boolean): DeadLetter[] => {
  if (read.unreadable !== undefined)
    return [poisonLetter(settings, read, undefined, read.unreadable, blocked)];
  const letters: DeadLetter[] = [];
  for (let j = 0; j < read.refusals.length; j++) {
    const reason = read.refusals[j];
    if (reason !== undefined)
      letters.push(poisonLetter(settings, read, settings.projections[j]!.name, reason, blocked));
  }
  return letters;
};

/**
 * Sends every poison record to the dead-letter sink, record by record in batch order, and finds
 * where the batch stops: at the first record the sink refuses, or with `poison: 'block'` at the
 * first poison record (sent first, so it is kept).
 */
export const sendPoison = async (
  settings: BatchSettings,
  read: readonly ReadRecord[],
): Promise<PoisonSent> => {
  const block = settings.poison === 'block';
  const poison: DeadLetter[] = [];
  for (let i = 0; i < read.length; i++) {
    const letters = lettersOf(settings, read[i]!, block);
    if (letters.length === 0) continue;
    const sent = await settings.deadLetters.send(letters);
    if (E.isLeft(sent)) {
      const cause = sent.left;
      const message = `dead-letter sink refused a poison record: ${cause.message}`;
      return { poison, stop: { at: i, cause: { _tag: 'DeadLetterRefused', cause, message } } };
    }
    poison.push(...letters);
    if (block) {
      const letter = letters[0]!;
      const message = `poison record blocks the batch: ${letter.reason.message}`;
      return { poison, stop: { at: i, cause: { _tag: 'PoisonBlocked', letter, message } } };
    }
  }
  return { poison, stop: undefined };
};
