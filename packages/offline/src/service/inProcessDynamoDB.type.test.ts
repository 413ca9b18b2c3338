import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient, ListStreamsCommand } from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { expect, expectTypeOf, it } from 'vitest';
import type { InMemoryTable } from '../table/inMemoryTable.js';
import { InProcessDynamoDB } from './inProcessDynamoDB.js';

it('hands out the SDK’s own client classes, not look-alikes', () => {
  const db = new InProcessDynamoDB();
  expectTypeOf(db.client()).toEqualTypeOf<DynamoDBClient>();
  expectTypeOf(db.documentClient()).toEqualTypeOf<DynamoDBDocumentClient>();
  expectTypeOf(db.streamsClient()).toEqualTypeOf<DynamoDBStreamsClient>();
  expectTypeOf(db.table).returns.toEqualTypeOf<InMemoryTable>();
  expect(db.client()).toBeInstanceOf(DynamoDBClient);
  expect(db.documentClient()).toBeInstanceOf(DynamoDBDocumentClient);
  expect(db.streamsClient()).toBeInstanceOf(DynamoDBStreamsClient);
});

it('configures clients that application code builds itself', async () => {
  const db = new InProcessDynamoDB();
  const own = new DynamoDBClient({ ...db.clientConfig(), maxAttempts: 1 });
  expect((await own.send(new ListTablesCommand({}))).TableNames).toEqual([]);
  const streams = new DynamoDBStreamsClient(db.clientConfig());
  expect((await streams.send(new ListStreamsCommand({}))).Streams).toEqual([]);
});
