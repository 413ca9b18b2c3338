import type { DeadLetterSink } from '@sluice/projections';
import * as E from 'fp-ts/lib/Either.js';

/**
 * Poison records as one JSON line each on stderr, which Lambda keeps in CloudWatch Logs: durable
 * and searchable by eventID. Replace it with a table or queue sink to replay them automatically.
 */
export const logDeadLetters: DeadLetterSink = {
  send: async (letters) => {
    for (const { projection, eventId, sequenceNumber, reason, record } of letters)
      console.error(
        JSON.stringify({ poison: { projection, eventId, sequenceNumber, reason, record } }),
      );
    return E.right(undefined);
  },
};
