import * as E from 'fp-ts/lib/Either.js';
import { type DynamoDbError, requestFailed, retriesExhausted } from './dynamoDbError.js';
import { errorKind } from './errorKind.js';
import { backoffDelay, type RetryEvent, type RetryPolicy } from './retryPolicy.js';

/** One attempt's outcome: finished, or some work is left (e.g. `UnprocessedItems`) to send again. */
export type Attempt<A> =
  | { readonly _tag: 'Done'; readonly value: A }
  | { readonly _tag: 'Leftover'; readonly progressed: boolean; readonly cause: unknown };

/** The attempt finished with `value`. */
export const done = <A>(value: A): Attempt<A> => ({ _tag: 'Done', value });

/** The attempt left work undone; `progressed` says whether it applied anything at all. */
export const leftover = <A>(progressed: boolean, cause: unknown): Attempt<A> => ({
  _tag: 'Leftover',
  progressed,
  cause,
});

/**
 * Runs `attempt` until it is done, sleeping with full-jitter backoff between tries.
 * Retryable throws and leftovers are retried; the attempt count restarts whenever an attempt made
 * progress, so a large batch drained slowly is never abandoned while a stuck one is; the delay
 * keeps growing either way, since partial progress usually means throttling.
 * Any other throw becomes a typed error (a condition failure the attempt did not handle too).
 */
export const retrying = async <A>(
  policy: RetryPolicy,
  operation: string,
  tableName: string,
  attempt: () => Promise<Attempt<A>>,
): Promise<E.Either<DynamoDbError, A>> => {
  let fruitless = 0;
  let retries = 0;
  for (;;) {
    let cause: unknown;
    try {
      policy.onRequest?.({ operation, tableName });
      const outcome = await attempt();
      if (outcome._tag === 'Done') return E.right(outcome.value);
      cause = outcome.cause;
      fruitless = outcome.progressed ? 0 : fruitless + 1;
    } catch (error) {
      if (errorKind(error) !== 'retryable')
        return E.left(requestFailed(operation, tableName, error));
      cause = error;
      fruitless += 1;
    }
    if (fruitless >= policy.maxAttempts)
      return E.left(retriesExhausted(operation, tableName, fruitless, cause));
    policy.onRetry?.(retryEvent(operation, tableName, cause));
    await policy.sleep(backoffDelay(policy, retries));
    retries += 1;
  }
};

const THROTTLES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
]);

// What a retry was for, read without trusting the cause's shape (a leftover may be anything).
const retryEvent = (operation: string, tableName: string, cause: unknown): RetryEvent => {
  const shape = cause as { name?: unknown; message?: unknown } | null | undefined;
  const name = typeof shape?.name === 'string' ? shape.name : 'UnprocessedItems';
  const message = typeof shape?.message === 'string' ? shape.message : '';
  const throttled =
    THROTTLES.has(name) ||
    (name === 'TransactionCanceledException' && /Throttling|ProvisionedThroughput/.test(message));
  return { operation, tableName, cause: name, throttled };
};
