import { DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { processBatch } from '../batch/processBatch.js';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { ownClients } from '../dynamodb/testSupport/dynamoDbHarness.js';
import { uniquePrefix } from '../dynamodb/testSupport/localDynamoDb.js';
import { createTaskProjectionTables, taskStore } from '../poller/testSupport/taskTables.js';
import { changeEvent } from '../testSupport/changeEvents.js';
import { lambdaRecord } from '../testSupport/lambdaRecords.js';
import { taskProjections } from '../testSupport/taskHistory.js';

const { dynamodb } = ownClients();
afterAll(() => dynamodb.destroy());
const task = { id: 'a', list: 'l0', points: 1, title: 't' };

describe('marker expiry on DynamoDB Local', () => {
  it('the marker table has TTL on expiresAt; a removal sets it on the marker, a re-insert takes it off', async () => {
    const prefix = `${uniquePrefix('marker-ttl')}.`;
    await createTaskProjectionTables(dynamodb, prefix);
    const ttl = await dynamodb.send(
      new DescribeTimeToLiveCommand({ TableName: `${prefix}markers` }),
    );
    expect(ttl.TimeToLiveDescription).toMatchObject({
      AttributeName: 'expiresAt',
      TimeToLiveStatus: 'ENABLED',
    });
    const store = taskStore(dynamodb, prefix);
    const settings = {
      projections: taskProjections(),
      store,
      deadLetters: new InMemoryDeadLetters(),
    };
    const removedAt = 1_700_000_000_000 + 5_000;
    await processBatch(
      settings,
      [
        changeEvent({ eventName: 'INSERT', keys: { id: 'a' }, sequence: 1, newImage: task }),
        changeEvent({
          eventName: 'REMOVE',
          keys: { id: 'a' },
          sequence: 2,
          oldImage: task,
          at: removedAt,
        }),
      ].map(lambdaRecord),
    );
    expect(await store.scan('markers')).toEqual([
      expect.objectContaining({
        contribution: null,
        expiresAt: Math.floor(removedAt / 1000) + 25 * 3600,
      }),
    ]);
    await processBatch(
      settings,
      [changeEvent({ eventName: 'INSERT', keys: { id: 'a' }, sequence: 3, newImage: task })].map(
        lambdaRecord,
      ),
    );
    const [marker] = await store.scan('markers');
    expect(marker).not.toHaveProperty('expiresAt');
    expect(await store.scan('totals')).toEqual([{ list: 'l0', count: 1, points: 1 }]);
  });
});
