import { randomUUID } from 'node:crypto';
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { connectDynamoDBLocal } from '../dynamodbLocal/connectDynamoDBLocal.js';
import { InProcessDynamoDB } from './inProcessDynamoDB.js';
import { createDifferentialTable } from './testSupport/runDifferential.js';

const local = connectDynamoDBLocal(inject('dynamodbLocalEndpoint'));
afterAll(() => local.destroy());

const S = (s: string) => ({ S: s });
const N = (n: string) => ({ N: n });

/** Bad requests, each built for a table name; both backends must refuse them alike. */
const corpus: Record<string, (t: string) => unknown> = {
  'describe a missing table': () => new DescribeTableCommand({ TableName: 'missing-table' }),
  'delete a missing table': () => new DeleteTableCommand({ TableName: 'missing-table' }),
  'put into a missing table': () =>
    new PutItemCommand({ TableName: 'missing-table', Item: { pk: S('a'), sk: N('1') } }),
  'create an existing table': (t) =>
    new CreateTableCommand({
      TableName: t,
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  'put without the sort key': (t) => new PutItemCommand({ TableName: t, Item: { pk: S('a') } }),
  'put a key of the wrong type': (t) =>
    new PutItemCommand({ TableName: t, Item: { pk: S('a'), sk: S('1') } }),
  'put an empty string key': (t) =>
    new PutItemCommand({ TableName: t, Item: { pk: S(''), sk: N('1') } }),
  'put a GSI key of the wrong type': (t) =>
    new PutItemCommand({ TableName: t, Item: { pk: S('a'), sk: N('1'), g: N('1') } }),
  'put an empty GSI key': (t) =>
    new PutItemCommand({ TableName: t, Item: { pk: S('a'), sk: N('1'), g: S('') } }),
  'put over 400 KB': (t) =>
    new PutItemCommand({
      TableName: t,
      Item: { pk: S('a'), sk: N('1'), big: S('x'.repeat(410_000)) },
    }),
  'put with a bad number': (t) =>
    new PutItemCommand({ TableName: t, Item: { pk: S('a'), sk: N('1'), n: N('abc') } }),
  'get with a partial key': (t) => new GetItemCommand({ TableName: t, Key: { pk: S('a') } }),
  'get with an extra key attribute': (t) =>
    new GetItemCommand({ TableName: t, Key: { pk: S('a'), sk: N('1'), x: S('y') } }),
  'put with bad ReturnValues': (t) =>
    new PutItemCommand({
      TableName: t,
      Item: { pk: S('a'), sk: N('1') },
      ReturnValues: 'ALL_NEW',
    }),
  'update a key attribute': (t) =>
    new UpdateItemCommand({
      TableName: t,
      Key: { pk: S('a'), sk: N('1') },
      UpdateExpression: 'SET pk = :v',
      ExpressionAttributeValues: { ':v': S('b') },
    }),
  'query an unknown index': (t) =>
    new QueryCommand({
      TableName: t,
      IndexName: 'nope',
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': S('a') },
    }),
  'query without the partition key': (t) =>
    new QueryCommand({
      TableName: t,
      KeyConditionExpression: 'sk = :s',
      ExpressionAttributeValues: { ':s': N('1') },
    }),
  'query with Limit 0': (t) =>
    new QueryCommand({
      TableName: t,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': S('a') },
      Limit: 0,
    }),
  'query with a sort value of the wrong type': (t) =>
    new QueryCommand({
      TableName: t,
      KeyConditionExpression: 'pk = :p AND sk > :s',
      ExpressionAttributeValues: { ':p': S('a'), ':s': S('1') },
    }),
  'scan a segment without the total': (t) => new ScanCommand({ TableName: t, Segment: 0 }),
  'scan segment out of range': (t) =>
    new ScanCommand({ TableName: t, Segment: 3, TotalSegments: 3 }),
  'batch write of 26 requests': (t) =>
    new BatchWriteItemCommand({
      RequestItems: {
        [t]: Array.from({ length: 26 }, (_, i) => ({
          PutRequest: { Item: { pk: S('a'), sk: N(String(i)) } },
        })),
      },
    }),
  'batch write with duplicate keys': (t) =>
    new BatchWriteItemCommand({
      RequestItems: {
        [t]: [
          { PutRequest: { Item: { pk: S('a'), sk: N('1') } } },
          { DeleteRequest: { Key: { pk: S('a'), sk: N('1') } } },
        ],
      },
    }),
  'batch get with duplicate keys': (t) =>
    new BatchGetItemCommand({
      RequestItems: {
        [t]: {
          Keys: [
            { pk: S('a'), sk: N('1') },
            { pk: S('a'), sk: N('1') },
          ],
        },
      },
    }),
  'transaction with no actions': () => new TransactWriteItemsCommand({ TransactItems: [] }),
  'batch write into a missing table': () =>
    new BatchWriteItemCommand({
      RequestItems: {
        'missing-table': [{ PutRequest: { Item: { pk: S('a'), sk: N('1') } } }],
      },
    }),
  'query a missing table': () =>
    new QueryCommand({
      TableName: 'missing-table',
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': S('a') },
    }),
  'transaction put into a missing table': () =>
    new TransactWriteItemsCommand({
      TransactItems: [{ Put: { TableName: 'missing-table', Item: { pk: S('a'), sk: N('1') } } }],
    }),
  'update without any expression on a missing item': (t) =>
    new UpdateItemCommand({
      TableName: t,
      Key: { pk: S('new'), sk: N('9') },
      ReturnValues: 'ALL_NEW',
    }),
  'query the index with a consistent read': (t) =>
    new QueryCommand({
      TableName: t,
      IndexName: 'byG',
      KeyConditionExpression: 'g = :g',
      ExpressionAttributeValues: { ':g': S('a') },
      ConsistentRead: true,
    }),
  'scan with Limit 0': (t) => new ScanCommand({ TableName: t, Limit: 0 }),
  'create a table whose key has no definition': () =>
    new CreateTableCommand({
      TableName: 'undefined-key',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'other', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  'create a provisioned table without throughput': () =>
    new CreateTableCommand({
      TableName: 'no-throughput',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    }),
  'transaction get on a missing table': () =>
    new TransactGetItemsCommand({
      TransactItems: [{ Get: { TableName: 'missing-table', Key: { pk: S('a'), sk: N('1') } } }],
    }),
  'enable a stream that is enabled': (t) =>
    new UpdateTableCommand({
      TableName: t,
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
    }),
};

const outcome = async (client: DynamoDBClient, command: unknown) => {
  try {
    await client.send(command as never);
    return { ok: true };
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
};

describe('bad requests are refused as DynamoDB Local refuses them', () => {
  const db = new InProcessDynamoDB();
  const inProcess = db.client();
  const tableName = `errors-${randomUUID()}`;
  const ready = Promise.all([
    createDifferentialTable(local.clients.dynamodb, tableName),
    createDifferentialTable(inProcess, tableName),
  ]);

  for (const [name, build] of Object.entries(corpus)) {
    it(name, async () => {
      await ready;
      const expected = await outcome(local.clients.dynamodb, build(tableName));
      expect(await outcome(inProcess, build(tableName))).toEqual(expected);
    });
  }
});
