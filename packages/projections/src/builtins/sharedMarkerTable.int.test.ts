import { deliverStream, InMemoryTable } from '@sluice/offline';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { afterAll, describe, expect, it } from 'vitest';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { dynamoDbProjectionStore } from '../dynamodb/store/dynamoDbProjectionStore.js';
import { createProjectionTables } from '../dynamodb/tables/createProjectionTables.js';
import { markerTableSpec, tableSpec } from '../dynamodb/tables/tableSpec.js';
import { ownClients } from '../dynamodb/testSupport/dynamoDbHarness.js';
import { uniquePrefix } from '../dynamodb/testSupport/localDynamoDb.js';
import { lambdaHandler } from '../lambda/lambdaHandler.js';
import { aggregate } from './aggregate.js';

const Task = t.type({ id: t.string, listId: t.string, points: t.number });
const { dynamodb, documentClient } = ownClients();
afterAll(() => dynamodb.destroy());

// The scenario that used to fail every batch on DynamoDB: two aggregates on one marker table.
const perList = aggregate({
  name: 'perList',
  table: 'perList',
  markerTable: 'markers',
  item: Task,
  viewType: 'NEW_IMAGE',
  group: (task) => ({ listId: task.listId }),
});
const perPoints = aggregate({
  name: 'perPoints',
  table: 'perPoints',
  markerTable: 'markers',
  item: Task,
  viewType: 'NEW_IMAGE',
  group: (task) => ({ points: task.points }),
});

describe('two aggregates sharing a marker table on DynamoDB Local', () => {
  it('keeps both exact under faulty deliveries', async () => {
    const prefix = uniquePrefix('shared');
    const tableName = (table: string) => `${prefix}.${table}`;
    const created = await createProjectionTables(dynamodb, [
      tableSpec(tableName('perList'), 'listId'),
      tableSpec(tableName('perPoints'), { name: 'points', type: 'N' }),
      markerTableSpec(tableName('markers')),
    ]);
    if (E.isLeft(created)) throw new Error(created.left.message);
    const tasks = new InMemoryTable({
      tableName: 'tasks',
      partitionKey: { name: 'id', type: 'S' },
      streamViewType: 'NEW_IMAGE',
    });
    tasks.put({ id: 't1', listId: 'home', points: 3 });
    tasks.put({ id: 't2', listId: 'home', points: 5 });
    tasks.put({ id: 't2', listId: 'work', points: 5 });
    tasks.put({ id: 't3', listId: 'work', points: 3 });
    tasks.delete({ id: 't1' });
    const store = dynamoDbProjectionStore({ client: documentClient, tableName });
    const handler = lambdaHandler({
      projections: [perList, perPoints],
      store,
      deadLetters: new InMemoryDeadLetters(),
    });
    const report = await deliverStream({
      source: tasks,
      handler,
      options: { ...handler.recommendedEventSourceMapping, BatchSize: 2 },
      faults: { duplicateBatch: 0.5, loseResponse: 0.5, seed: 5 },
    });
    expect(report.recordsDiscarded).toBe(0);
    expect(report.faults.duplicatedBatches + report.faults.lostResponses).toBeGreaterThan(0);
    const rows = (table: string) => store.scan(table);
    expect(await rows('perList')).toEqual(
      expect.arrayContaining([
        { listId: 'home', count: 0 },
        { listId: 'work', count: 2 },
      ]),
    );
    expect(await rows('perList')).toHaveLength(2);
    expect(await rows('perPoints')).toEqual(
      expect.arrayContaining([
        { points: 3, count: 1 },
        { points: 5, count: 1 },
      ]),
    );
    expect(await rows('perPoints')).toHaveLength(2);
    const markers = await rows('markers');
    expect(markers.filter((m) => String(m.markerId).startsWith('perList@1|'))).toHaveLength(3);
    expect(markers.filter((m) => String(m.markerId).startsWith('perPoints@1|'))).toHaveLength(3);
  });
});
