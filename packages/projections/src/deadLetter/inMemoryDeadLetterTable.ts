import * as E from 'fp-ts/lib/Either.js';
import type { StoreError } from '../store/storeError.js';
import type { DeadLetter } from './deadLetter.js';
import type { DeadLetterTable, LetterPage } from './deadLetterTable.js';
import { letterItem, storedLetterOf } from './letterItem.js';
import type { LetterKey, StoredLetter } from './storedLetter.js';

const keyText = (key: LetterKey) => `${key.projection}\u0000${key.letterId}`;

/**
 * `dynamoDbDeadLetters` in memory, for tests and local runs: the same items (compressed records,
 * first letter kept), in the same order. `failing` makes every call refuse.
 */
export class InMemoryDeadLetterTable implements DeadLetterTable {
  private readonly items = new Map<string, Record<string, unknown>>();
  /** Letters offered, duplicates included (the table keeps one of each). */
  sent = 0;
  /** When set, every call refuses with this error. */
  failing: StoreError | undefined;

  constructor(private readonly now: () => Date = () => new Date()) {}

  async send(letters: readonly DeadLetter[]): Promise<E.Either<StoreError, void>> {
    if (this.failing) return E.left(this.failing);
    for (const letter of letters) {
      this.sent++;
      const item = letterItem(letter, this.now());
      const key = keyText(item as unknown as LetterKey);
      if (!this.items.has(key)) this.items.set(key, item);
    }
    return E.right(undefined);
  }

  async read(
    projection: string,
    after?: string,
    limit = 100,
  ): Promise<E.Either<StoreError, LetterPage>> {
    if (this.failing) return E.left(this.failing);
    const all = this.letters(projection).filter((l) => after === undefined || l.letterId > after);
    const letters = all.slice(0, limit);
    return E.right({
      letters,
      next: all.length > limit ? letters[letters.length - 1]!.letterId : undefined,
    });
  }

  async remove(keys: readonly LetterKey[]): Promise<E.Either<StoreError, void>> {
    if (this.failing) return E.left(this.failing);
    for (const key of keys) this.items.delete(keyText(key));
    return E.right(undefined);
  }

  /** Every letter of a projection (every letter when none is named), in key order. */
  letters(projection?: string): StoredLetter[] {
    return [...this.items.values()]
      .map((item) => storedLetterOf(item)!)
      .filter((l) => projection === undefined || l.projection === projection)
      .sort((a, b) =>
        a.projection === b.projection
          ? a.letterId < b.letterId
            ? -1
            : a.letterId > b.letterId
              ? 1
              : 0
          : a.projection < b.projection
            ? -1
            : 1,
      );
  }
}
