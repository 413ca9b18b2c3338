import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { DeadLetter } from './deadLetter.js';
import { InMemoryDeadLetterTable } from './inMemoryDeadLetterTable.js';

const letter = (eventId: string | undefined, projection?: string): DeadLetter => ({
  projection,
  eventId,
  sequenceNumber: '100000000000000000001',
  reason: {
    _tag: 'MalformedRecord',
    message: 'bad',
    problems: [{ path: 'Keys.id', message: 'm' }],
  } as DeadLetter['reason'],
  blocked: false,
  record: { eventID: eventId, dynamodb: { Keys: {} } },
});

describe('InMemoryDeadLetterTable', () => {
  it('keeps the first letter per (projection, eventID), unreadable records under *', async () => {
    const table = new InMemoryDeadLetterTable(() => new Date(0));
    await table.send([letter('a', 'p'), letter('a', 'p'), letter('a', 'q'), letter('b')]);
    await table.send([letter('b')]);
    expect(table.sent).toBe(5);
    expect(table.letters().map((l) => [l.projection, l.letterId, l.fieldPath])).toEqual([
      ['*', 'b', 'Keys.id'],
      ['p', 'a', 'Keys.id'],
      ['q', 'a', 'Keys.id'],
    ]);
  });

  it('reads a projection page by page and forgets removed letters', async () => {
    const table = new InMemoryDeadLetterTable();
    await table.send(['c', 'a', 'b'].map((id) => letter(id, 'p')));
    const first = await table.read('p', undefined, 2);
    expect(first).toMatchObject(E.right({ next: 'b' }));
    const second = await table.read('p', 'b', 2);
    expect(E.isRight(second) && second.right).toMatchObject({ next: undefined });
    expect(E.isRight(second) && second.right.letters.map((l) => l.letterId)).toEqual(['c']);
    await table.remove([{ projection: 'p', letterId: 'a' }]);
    expect(table.letters('p').map((l) => l.letterId)).toEqual(['b', 'c']);
  });
});
