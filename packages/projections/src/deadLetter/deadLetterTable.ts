import type * as E from 'fp-ts/lib/Either.js';
import type { StoreError } from '../store/storeError.js';
import type { DeadLetterSink } from './deadLetter.js';
import type { LetterKey, StoredLetter } from './storedLetter.js';

/** One page of a projection's letters; `next` continues after it. */
export interface LetterPage {
  readonly letters: readonly StoredLetter[];
  readonly next: string | undefined;
}

/**
 * A durable dead-letter sink that can be read back and emptied, for redrive: one letter per
 * (projection, eventID), the first delivery's kept when a record is dead-lettered again.
 */
export interface DeadLetterTable extends DeadLetterSink {
  /** A page of one projection's letters (`*` for records no projection could read), in letterId order. */
  read(
    projection: string,
    after?: string,
    limit?: number,
  ): Promise<E.Either<StoreError, LetterPage>>;
  /** Removes letters (redrive applied them); removing a missing letter is not an error. */
  remove(keys: readonly LetterKey[]): Promise<E.Either<StoreError, void>>;
}
