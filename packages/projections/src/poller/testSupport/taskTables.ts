import {
  CreateTableCommand,
  DeleteItemCommand,
  type DynamoDBClient,
  PutItemCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as E from 'fp-ts/lib/Either.js';
import { dynamoDbProjectionStore } from '../../dynamodb/store/dynamoDbProjectionStore.js';
import { createProjectionTables } from '../../dynamodb/tables/createProjectionTables.js';
import { markerTableSpec, tableSpec } from '../../dynamodb/tables/tableSpec.js';
import type { Row } from '../../plan/row.js';
import type { ProjectionStore } from '../../store/projectionStore.js';

/** Creates the source `tasks` table (partition key `id`) with a NEW_AND_OLD_IMAGES stream. */
export const createTaskTable = async (
  client: DynamoDBClient,
  tableName: string,
): Promise<string> => {
  const created = await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1 }, { TableName: tableName });
  const arn = created.TableDescription?.LatestStreamArn;
  if (arn === undefined) throw new Error(`table ${tableName} has no stream`);
  return arn;
};

/** Creates the tables of `taskProjections()` under a name prefix. */
export const createTaskProjectionTables = async (
  client: DynamoDBClient,
  prefix: string,
): Promise<void> => {
  const created = await createProjectionTables(client, [
    tableSpec(`${prefix}history`, 'entityId', 'change'),
    tableSpec(`${prefix}totals`, 'list'),
    markerTableSpec(`${prefix}markers`),
    tableSpec(`${prefix}archive`, 'id'),
  ]);
  if (E.isLeft(created)) throw new Error(created.left.message);
};

/** A DynamoDB store writing `taskProjections()` tables under a prefix. */
export const taskStore = (client: DynamoDBClient, prefix: string): ProjectionStore =>
  dynamoDbProjectionStore({
    client: DynamoDBDocumentClient.from(client),
    tableName: (table) => `${prefix}${table}`,
  });

/** The user-visible tables of a store, each sorted, for comparing two runs. */
export const userTables = async (store: ProjectionStore) => {
  const sorted = (rows: readonly Row[]) =>
    rows.map((row) => JSON.stringify(row, Object.keys(row).sort())).sort();
  return {
    history: sorted(await store.scan('history')),
    totals: sorted(await store.scan('totals')),
    archive: sorted(await store.scan('archive')),
  };
};

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so a failing run can be replayed. */
export const seeded = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** One random change to the tasks table: put (insert or change a task) or delete. */
export const writeRandomTask = async (
  client: DynamoDBClient,
  tableName: string,
  random: () => number,
  tasks: number,
): Promise<void> => {
  const id = `t${Math.floor(random() * tasks)}`;
  if (random() < 0.2) {
    await client.send(new DeleteItemCommand({ TableName: tableName, Key: { id: { S: id } } }));
    return;
  }
  await client.send(
    new PutItemCommand({
      TableName: tableName,
      Item: {
        id: { S: id },
        list: { S: `l${Math.floor(random() * 5)}` },
        points: { N: String(Math.floor(random() * 6)) },
        title: { S: `title ${Math.floor(random() * 1000)}` },
      },
    }),
  );
};
