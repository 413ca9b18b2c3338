import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { deadLetterTableSpec } from '../deadLetter/deadLetterTableSpec.js';
import { dynamoDbDeadLetters } from '../deadLetter/dynamoDbDeadLetters.js';
import { dynamoDbProjectionStore } from '../dynamodb/store/dynamoDbProjectionStore.js';
import { createProjectionTables } from '../dynamodb/tables/createProjectionTables.js';
import { instantRetries, ownClients } from '../dynamodb/testSupport/dynamoDbHarness.js';
import { uniquePrefix } from '../dynamodb/testSupport/localDynamoDb.js';
import { createTaskProjectionTables } from '../poller/testSupport/taskTables.js';
import { changeEvent } from '../testSupport/changeEvents.js';
import { lambdaRecord } from '../testSupport/lambdaRecords.js';
import { taskProjections } from '../testSupport/taskHistory.js';
import { processBatch } from './processBatch.js';

const { dynamodb, documentClient } = ownClients();
afterAll(() => dynamodb.destroy());

const task = (id: string, points: number, note = '') => ({
  id,
  list: 'l0',
  points,
  title: 't',
  note,
});

describe('a write DynamoDB refuses for good, on DynamoDB Local', () => {
  it('a history row with 390 KB in both images becomes a dead letter of that projection only; the rest of the batch is applied', async () => {
    const prefix = `${uniquePrefix('refused')}.`;
    await createTaskProjectionTables(dynamodb, prefix);
    const created = await createProjectionTables(dynamodb, [
      deadLetterTableSpec(`${prefix}letters`),
    ]);
    if (E.isLeft(created)) throw new Error(created.left.message);
    const store = dynamoDbProjectionStore({
      client: documentClient,
      tableName: (t) => prefix + t,
      retryPolicy: instantRetries,
    });
    const letters = dynamoDbDeadLetters({ client: documentClient, tableName: `${prefix}letters` });
    const big = 'x'.repeat(390_000);
    const records = [
      changeEvent({ eventName: 'INSERT', keys: { id: 'a' }, sequence: 1, newImage: task('a', 1) }),
      changeEvent({
        eventName: 'INSERT',
        keys: { id: 'b' },
        sequence: 2,
        newImage: task('b', 2, big),
      }),
      changeEvent({
        eventName: 'MODIFY',
        keys: { id: 'b' },
        sequence: 3,
        oldImage: task('b', 2, big),
        newImage: task('b', 3, big),
      }),
      changeEvent({ eventName: 'INSERT', keys: { id: 'c' }, sequence: 4, newImage: task('c', 4) }),
    ].map(lambdaRecord);
    const result = await processBatch(
      { projections: taskProjections(), store, deadLetters: letters },
      records,
    );
    expect(result).toMatchObject({ _tag: 'BatchCompleted', processed: 4 });
    const history = await store.scan('history');
    expect(history.map((row) => row.eventId).sort()).toEqual(['ev-1', 'ev-2', 'ev-4']);
    const totals = await store.scan('totals');
    expect(totals).toEqual([{ list: 'l0', count: 3, points: 8 }]);
    const kept = await letters.read('taskHistory');
    const stored = E.isRight(kept) ? kept.right.letters : [];
    expect(stored.map((l) => [l.eventId, l.reason._tag, l.imagesOmitted])).toEqual([
      ['ev-3', 'WriteRefused', false],
    ]);
    expect(stored[0]!.record).toEqual(records[2]);
    expect(await letters.read('listTotals')).toEqual(E.right({ letters: [], next: undefined }));
  });
});
