import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { sortRows } from '../contract/testSupport/toySource.js';
import { deadLetterTableSpec } from '../deadLetter/deadLetterTableSpec.js';
import { dynamoDbDeadLetters } from '../deadLetter/dynamoDbDeadLetters.js';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { dynamoDbProjectionStore } from '../dynamodb/store/dynamoDbProjectionStore.js';
import { createProjectionTables } from '../dynamodb/tables/createProjectionTables.js';
import { markerTableSpec, tableSpec } from '../dynamodb/tables/tableSpec.js';
import { instantRetries, ownClients } from '../dynamodb/testSupport/dynamoDbHarness.js';
import { uniquePrefix } from '../dynamodb/testSupport/localDynamoDb.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import { TaskCodec } from '../testSupport/taskHistory.js';
import { redrive } from './redrive.js';
import { buggyCodec, runShards, shardedRecords, tasksWith } from './testSupport/poisonedRun.js';

const { dynamodb, documentClient } = ownClients();
afterAll(() => dynamodb.destroy());

describe('redrive on DynamoDB Local', () => {
  it('brings every letter of the dead-letter table in once the codec is fixed: tables equal a clean pass, the table is empty', async () => {
    const prefix = uniquePrefix('redrive');
    const physical = (table: string) => `${prefix}.${table}`;
    const created = await createProjectionTables(dynamodb, [
      tableSpec(physical('history'), 'entityId', 'change'),
      tableSpec(physical('totals'), 'list'),
      markerTableSpec(physical('markers')),
      tableSpec(physical('archive'), 'id'),
      deadLetterTableSpec(physical('deadLetters')),
    ]);
    if (E.isLeft(created)) throw new Error(created.left.message);
    const store = dynamoDbProjectionStore({
      client: documentClient,
      tableName: physical,
      retryPolicy: instantRetries,
    });
    const letters = dynamoDbDeadLetters({
      client: documentClient,
      tableName: physical('deadLetters'),
      retryPolicy: instantRetries,
    });
    const { shards } = fc.sample(shardedRecords, { numRuns: 1, seed: 11 })[0]!;
    const bad = new Set(['t1', 't4']);
    await runShards(shards, 5, {
      projections: tasksWith(buggyCodec((task) => bad.has(task.id))),
      store,
      deadLetters: letters,
    });
    const poisoned = await letters.read('taskHistory');
    expect(E.isRight(poisoned) && poisoned.right.letters.length).toBeGreaterThan(0);

    const fixed = tasksWith(TaskCodec);
    const done = await redrive({
      projections: fixed,
      store,
      letters,
      batchSize: 4,
      now: () => new Date(1_700_000_100_000),
    });
    expect(E.isRight(done) && done.right.total.stillPoison).toBe(0);
    const clean = new InMemoryProjectionStore();
    await runShards(shards, 5, {
      projections: fixed,
      store: clean,
      deadLetters: new InMemoryDeadLetters(),
    });
    for (const table of ['history', 'totals', 'archive'])
      expect(sortRows(await store.scan(table))).toEqual(sortRows(await clean.scan(table)));
    for (const projection of [...fixed.map((p) => p.name), '*'])
      expect(await letters.read(projection)).toEqual(E.right({ letters: [], next: undefined }));
  });
});
