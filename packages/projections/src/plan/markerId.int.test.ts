import { afterAll, describe, expect, it } from 'vitest';
import { processBatch } from '../batch/processBatch.js';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { dynamoDbProjectionStore } from '../dynamodb/store/dynamoDbProjectionStore.js';
import { instantRetries, ownClients } from '../dynamodb/testSupport/dynamoDbHarness.js';
import { uniquePrefix } from '../dynamodb/testSupport/localDynamoDb.js';
import { createTaskProjectionTables } from '../poller/testSupport/taskTables.js';
import { changeEvent } from '../testSupport/changeEvents.js';
import { lambdaRecord } from '../testSupport/lambdaRecords.js';
import { taskProjections } from '../testSupport/taskHistory.js';

const { dynamodb, documentClient } = ownClients();
afterAll(() => dynamodb.destroy());

describe('marker ids on DynamoDB Local', () => {
  it('an aggregate over a source item whose partition key is at the 2,048-byte limit writes its marker and counts it', async () => {
    const prefix = `${uniquePrefix('marker-id')}.`;
    await createTaskProjectionTables(dynamodb, prefix);
    const store = dynamoDbProjectionStore({
      client: documentClient,
      tableName: (t) => prefix + t,
      retryPolicy: instantRetries,
    });
    const id = '€'.repeat(682) + 'ab';
    expect(Buffer.byteLength(id)).toBe(2048);
    const task = { id, list: 'l0', points: 2, title: 't' };
    const records = [
      changeEvent({ eventName: 'INSERT', keys: { id }, sequence: 1, newImage: task }),
      changeEvent({
        eventName: 'INSERT',
        keys: { id: 'small' },
        sequence: 2,
        newImage: { ...task, id: 'small' },
      }),
    ].map(lambdaRecord);
    const deadLetters = new InMemoryDeadLetters();
    const result = await processBatch(
      { projections: taskProjections(), store, deadLetters },
      records,
    );
    expect(result).toMatchObject({ _tag: 'BatchCompleted' });
    expect(deadLetters.letters).toEqual([]);
    expect(await store.scan('totals')).toEqual([{ list: 'l0', count: 2, points: 4 }]);
    const markers = (await store.scan('markers')).map((m) => String(m.markerId));
    expect(markers.every((m) => Buffer.byteLength(m) <= 2048)).toBe(true);
    expect(markers.filter((m) => m.startsWith('listTotals@1|#'))).toHaveLength(1);

    const removed = changeEvent({ eventName: 'REMOVE', keys: { id }, sequence: 3, oldImage: task });
    await processBatch({ projections: taskProjections(), store, deadLetters }, [
      lambdaRecord(removed),
    ]);
    expect(await store.scan('totals')).toEqual([{ list: 'l0', count: 1, points: 2 }]);
  });
});
