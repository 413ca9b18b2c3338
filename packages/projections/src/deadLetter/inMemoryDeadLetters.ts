import * as E from 'fp-ts/lib/Either.js';
import type { StoreError } from '../store/storeError.js';
import type { DeadLetter, DeadLetterSink } from './deadLetter.js';

/** A dead-letter sink in memory, for tests and local runs; `failing` makes it refuse letters. */
export class InMemoryDeadLetters implements DeadLetterSink {
  /** Every letter received, in order, duplicates included. */
  readonly letters: DeadLetter[] = [];
  /** When set, `send` refuses with this error (to test that a refused letter stops the batch). */
  failing: StoreError | undefined;

  async send(letters: readonly DeadLetter[]): Promise<E.Either<StoreError, void>> {
    if (this.failing) return E.left(this.failing);
    this.letters.push(...letters);
    return E.right(undefined);
  }
}
