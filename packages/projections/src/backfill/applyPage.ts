import type { DynamoDBRecord } from 'aws-lambda';
import * as E from 'fp-ts/lib/Either.js';
import { processBatch } from '../batch/processBatch.js';
import type { Projection } from '../projection/projection.js';
import { retryDelay } from '../retry/retryDelay.js';
import type { PageFailed } from './backfillEvents.js';
import type { ScanSettings } from './backfillOptions.js';

/** What applying one page's snapshots did. */
export interface PageApplied {
  readonly written: number;
  readonly unchanged: number;
  readonly poison: number;
}

/**
 * Runs one page of snapshot records through the projections, exactly as a stream batch runs:
 * filters, codecs, dead letters, coalesced writes. A store failure is retried from the record it
 * names, with backoff; a blocking poison record fails the page at once.
 */
export const applyPage = async (
  settings: ScanSettings,
  projections: readonly Projection[],
  streamArn: string | undefined,
  segment: number,
  records: readonly DynamoDBRecord[],
): Promise<E.Either<PageFailed, PageApplied>> => {
  const batch = {
    projections,
    store: settings.store,
    deadLetters: settings.deadLetters,
    poison: settings.poison,
    ...(streamArn === undefined ? {} : { streamArn }),
    ...(settings.inexactNumbers === undefined ? {} : { inexactNumbers: settings.inexactNumbers }),
  };
  let written = 0;
  let unchanged = 0;
  let poison = 0;
  let from = 0;
  for (let attempt = 1; ; attempt++) {
    const result = await processBatch(batch, from === 0 ? records : records.slice(from));
    poison += result.poison.length;
    if (result._tag === 'BatchCompleted') {
      written += result.applied.written;
      unchanged += result.applied.unchanged;
      return E.right({ written, unchanged, poison });
    }
    const { cause } = result;
    const failed: PageFailed = {
      _tag: 'PageFailed',
      segment,
      cause,
      message: `segment ${segment}: a page could not be applied: ${cause.message}`,
    };
    if (cause._tag === 'PoisonBlocked' || attempt >= settings.maxPageAttempts)
      return E.left(failed);
    from += result.failedIndex;
    const retryInMs = retryDelay(attempt, settings.retryDelayMs, settings.random);
    settings.emit({ _tag: 'PageRetried', segment, message: cause.message, retryInMs });
    await settings.clock.sleep(retryInMs, settings.signal);
  }
};
