import type { StoredLetter } from '../deadLetter/storedLetter.js';

const DIGITS = /^\d{1,40}$/;

// Sequence numbers order one item's changes (the only order redrive must keep); unreadable
// ones go last, in their table order.
const position = (letter: StoredLetter): bigint | undefined =>
  letter.sequenceNumber !== undefined && DIGITS.test(letter.sequenceNumber)
    ? BigInt(letter.sequenceNumber)
    : undefined;

/** The letters in sequence-number order, so each item's changes are redriven oldest first. */
export const sortBySequence = (letters: readonly StoredLetter[]): StoredLetter[] =>
  letters
    .map((letter, index) => ({ letter, index, at: position(letter) }))
    .sort((a, b) => {
      if (a.at === undefined || b.at === undefined)
        return a.at === b.at ? a.index - b.index : a.at === undefined ? 1 : -1;
      return a.at < b.at ? -1 : a.at > b.at ? 1 : a.index - b.index;
    })
    .map(({ letter }) => letter);
