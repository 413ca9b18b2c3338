import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import { changeEvent } from '../testSupport/changeEvents.js';
import { incoming } from '../testSupport/deliveries.js';
import { taskProjections } from '../testSupport/taskHistory.js';
import type { IncomingRecord } from './incomingRecord.js';
import { processRecords } from './processRecords.js';

const task = (id: string, list: string, points: unknown = 1) => ({ id, list, points, title: 'x' });
const insert = (sequence: number, id: string, list = 'l1', points: unknown = 1) =>
  changeEvent({ eventName: 'INSERT', keys: { id }, sequence, newImage: task(id, list, points) });
const move = (sequence: number, id: string, from: string, to: string) =>
  changeEvent({
    eventName: 'MODIFY',
    keys: { id },
    sequence,
    oldImage: task(id, from),
    newImage: task(id, to),
  });

// A record the decoder refused: only the raw record and the reason are known.
const undecodable: IncomingRecord = {
  record: { eventID: 'bad-1', dynamodb: { SequenceNumber: '100000000000000000099' } },
  event: E.left({ _tag: 'InvalidAttributeValue', message: 'NewImage.points: N is not a number' }),
};

const setup = (poison: 'skip' | 'block' = 'skip') => ({
  projections: taskProjections(),
  store: new InMemoryProjectionStore(),
  deadLetters: new InMemoryDeadLetters(),
  poison,
});
const lists = (store: InMemoryProjectionStore) =>
  (store.tables().totals ?? []).map((row) => [row.list, row.count]);

describe('poison records', () => {
  it('an undecodable record goes to the dead-letter sink with reason, eventID and sequence number; the batch moves on', async () => {
    const settings = setup();
    const records = [...incoming([insert(1, 'a')]), undecodable, ...incoming([insert(3, 'b')])];
    const result = await processRecords(settings, records);
    expect(result).toMatchObject({ _tag: 'BatchCompleted', processed: 3 });
    expect(settings.deadLetters.letters).toEqual([
      {
        projection: undefined,
        eventId: 'bad-1',
        sequenceNumber: '100000000000000000099',
        reason: { _tag: 'InvalidAttributeValue', message: 'NewImage.points: N is not a number' },
        blocked: false,
        record: undecodable.record,
      },
    ]);
    expect(lists(settings.store)).toEqual([['l1', 2]]);
  });

  it('an image the codec rejects is poison for that projection only, named with its path', async () => {
    const settings = setup();
    const bad = insert(2, 'b', 'l1', 'three');
    await processRecords(settings, incoming([insert(1, 'a'), bad]));
    expect(
      settings.deadLetters.letters.map((l) => [l.projection, l.eventId, l.reason._tag]),
    ).toEqual([
      ['taskHistory', bad.eventId, 'CodecRejected'],
      ['listTotals', bad.eventId, 'CodecRejected'],
    ]);
    expect(settings.deadLetters.letters[0]!.reason).toMatchObject({
      path: ['dynamodb', 'NewImage', 'points'],
      message: expect.stringContaining(bad.sequenceNumber),
    });
    // The archive reads only removals' old images: an INSERT's bad new image is not its business.
    expect(settings.store.tables().history).toHaveLength(1);
  });

  it('a stream without the images a projection reads makes its records poison (ViewTypeMismatch)', async () => {
    const settings = setup();
    const keysOnly = changeEvent({
      eventName: 'INSERT',
      keys: { id: 'a' },
      sequence: 1,
      viewType: 'KEYS_ONLY',
    });
    await processRecords(settings, incoming([keysOnly]));
    expect(settings.deadLetters.letters.map((l) => l.reason._tag)).toEqual([
      'ViewTypeMismatch',
      'ViewTypeMismatch',
      'ViewTypeMismatch',
    ]);
  });

  it('with poison: block, the batch stops at the poison record and no later change is applied ahead of it', async () => {
    const settings = setup('block');
    const records = [
      ...incoming([insert(1, 'a'), insert(2, 'b')]),
      undecodable,
      ...incoming([move(4, 'a', 'l1', 'l2'), insert(5, 'c')]),
    ];
    const result = await processRecords(settings, records);
    expect(result).toMatchObject({
      _tag: 'BatchFailed',
      processed: 2,
      failedIndex: 2,
      failedAt: '100000000000000000099',
      eventId: 'bad-1',
      cause: { _tag: 'PoisonBlocked' },
    });
    expect(settings.deadLetters.letters).toMatchObject([{ eventId: 'bad-1', blocked: true }]);
    // a stays in l1: its move comes after the poison record, though planned with the same item.
    expect(lists(settings.store)).toEqual([['l1', 2]]);
    expect(settings.store.tables().history).toHaveLength(2);
  });

  it('when the dead-letter sink refuses, the batch stops at the poison record instead of losing it', async () => {
    const settings = setup();
    settings.deadLetters.failing = { _tag: 'SinkDown', message: 'queue unavailable' };
    const records = [...incoming([insert(1, 'a')]), undecodable, ...incoming([insert(3, 'b')])];
    const result = await processRecords(settings, records);
    expect(result).toMatchObject({
      _tag: 'BatchFailed',
      failedIndex: 1,
      cause: { _tag: 'DeadLetterRefused' },
    });
    expect(lists(settings.store)).toEqual([['l1', 1]]);
  });
});
