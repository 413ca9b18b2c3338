import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { lambdaCheckpointer } from '../lambda/lambdaCheckpointer.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import { changeEvent } from '../testSupport/changeEvents.js';
import { incoming } from '../testSupport/deliveries.js';
import { taskProjections } from '../testSupport/taskHistory.js';
import type { IncomingRecord } from './incomingRecord.js';
import { processRecords } from './processRecords.js';

const insert = (sequence: number, id: string) =>
  changeEvent({
    eventName: 'INSERT',
    keys: { id },
    sequence,
    newImage: { id, list: 'l1', points: 1, title: 'x' },
  });
const undecodable: IncomingRecord = {
  record: { eventID: 'bad-1', dynamodb: { SequenceNumber: '100000000000000000099' } },
  event: E.left({ _tag: 'InvalidAttributeValue', message: 'NewImage.points: N is not a number' }),
};
const setup = (poison: 'skip' | 'block') => ({
  projections: taskProjections(),
  store: new InMemoryProjectionStore(),
  deadLetters: new InMemoryDeadLetters(),
  poison,
});

describe('the batch checkpoint', () => {
  it('a complete batch is checkpointed through its last record, and Lambda retries nothing', async () => {
    const records = incoming([insert(1, 'a'), insert(2, 'b')]);
    const result = await processRecords(setup('skip'), records);
    const last = (records[1]!.event as E.Right<{ sequenceNumber: string }>).right.sequenceNumber;
    expect(result.checkpoint).toEqual({
      through: last,
      complete: true,
      handled: 2,
      retryFrom: undefined,
    });
    expect(lambdaCheckpointer.store(result.checkpoint)).toEqual({ batchItemFailures: [] });
  });

  it('a stopped batch is checkpointed through the record before the stop, and Lambda retries from the stop', async () => {
    const records = [...incoming([insert(1, 'a')]), undecodable, ...incoming([insert(3, 'b')])];
    const result = await processRecords(setup('block'), records);
    const first = (records[0]!.event as E.Right<{ sequenceNumber: string }>).right.sequenceNumber;
    expect(result.checkpoint).toEqual({
      through: first,
      complete: false,
      handled: 1,
      retryFrom: '100000000000000000099',
    });
    expect(lambdaCheckpointer.store(result.checkpoint)).toEqual({
      batchItemFailures: [{ itemIdentifier: '100000000000000000099' }],
    });
  });
});
