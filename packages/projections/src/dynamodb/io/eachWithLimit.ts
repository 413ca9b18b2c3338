import * as E from 'fp-ts/lib/Either.js';

/**
 * Runs `task` over `items` with at most `limit` in flight, in order, and starts no new task after
 * one failed (those already running finish). Returns each item's outcome; `undefined` marks the
 * items never started, so the caller knows exactly which work is confirmed.
 */
export const eachWithLimit = async <A, L, R>(
  items: ReadonlyArray<A>,
  limit: number,
  task: (item: A) => Promise<E.Either<L, R>>,
): Promise<ReadonlyArray<E.Either<L, R> | undefined>> => {
  const outcomes: Array<E.Either<L, R> | undefined> = new Array(items.length).fill(undefined);
  let failed = false;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++;
      const outcome = await task(items[index] as A);
      outcomes[index] = outcome;
      if (E.isLeft(outcome)) failed = true;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return outcomes;
};

/** The first failure among `eachWithLimit` outcomes, or every result when all succeeded. */
export const allOrFirstFailure = <L, R>(
  outcomes: ReadonlyArray<E.Either<L, R> | undefined>,
): E.Either<L, ReadonlyArray<R>> => {
  const results: R[] = [];
  for (const outcome of outcomes) {
    if (outcome === undefined) continue;
    if (E.isLeft(outcome)) return outcome;
    results.push(outcome.right);
  }
  return E.right(results);
};
