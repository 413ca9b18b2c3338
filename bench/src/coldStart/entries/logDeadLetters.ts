import type { DeadLetterSink } from '@sluice/projections';
import * as E from 'fp-ts/lib/Either.js';

/** Poison records as JSON lines on stderr (CloudWatch Logs), as a deployed handler keeps them. */
export const logDeadLetters: DeadLetterSink = {
  send: async (letters) => {
    for (const letter of letters) console.error(JSON.stringify({ poison: letter }));
    return E.right(undefined);
  },
};
