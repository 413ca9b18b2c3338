import { randomUUID } from 'node:crypto';
import { type AttributeValue, CreateTableCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { afterAll, expect, inject, it } from 'vitest';
import { connectDynamoDBLocal } from './connectDynamoDBLocal.js';
import { readDynamoDBLocalStream } from './readDynamoDBLocalStream.js';

const local = connectDynamoDBLocal(inject('dynamodbLocalEndpoint'));
afterAll(() => local.destroy());

it('reads every record of a brand-new table, in order, despite DynamoDB Local quirks', async () => {
  const TableName = `read-stream-${randomUUID()}`;
  const { TableDescription } = await local.clients.dynamodb.send(
    new CreateTableCommand({
      TableName,
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
    }),
  );
  for (const id of ['a', 'b', 'c']) {
    await local.clients.dynamodb.send(new PutItemCommand({ TableName, Item: { id: { S: id } } }));
  }
  const records = await readDynamoDBLocalStream(
    local.clients.streams,
    TableDescription?.LatestStreamArn ?? '',
  );
  expect(records.map((record) => record.dynamodb?.Keys?.id?.S)).toEqual(['a', 'b', 'c']);
  expect(records.map((record) => record.eventName)).toEqual(['INSERT', 'INSERT', 'INSERT']);
});

it('gives back the type of empty maps, which DynamoDB Local streams as a typeless {}', async () => {
  const TableName = `read-stream-maps-${randomUUID()}`;
  const { TableDescription } = await local.clients.dynamodb.send(
    new CreateTableCommand({
      TableName,
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
    }),
  );
  const streamArn = TableDescription?.LatestStreamArn ?? '';
  const Item: Record<string, AttributeValue> = {
    id: { S: 'a' },
    empty: { M: {} },
    nested: { L: [{ M: {} }, { M: { inner: { M: {} } } }] },
  };
  await local.clients.dynamodb.send(new PutItemCommand({ TableName, Item }));

  // The quirk itself, read without the reader (retrying the brand-new-stream TrimmedDataAccess).
  const readRaw = async () => {
    const { StreamDescription } = await local.clients.streams.send(
      new DescribeStreamCommand({ StreamArn: streamArn }),
    );
    const { ShardIterator } = await local.clients.streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: StreamDescription?.Shards?.[0]?.ShardId,
        ShardIteratorType: 'TRIM_HORIZON',
      }),
    );
    return local.clients.streams.send(new GetRecordsCommand({ ShardIterator }));
  };
  let raw = await readRaw().catch(() => undefined);
  for (let attempt = 0; raw === undefined && attempt < 30; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    raw = await readRaw().catch(() => undefined);
  }
  expect(raw?.Records?.[0]?.dynamodb?.NewImage?.empty).toEqual({});

  const [record] = await readDynamoDBLocalStream(local.clients.streams, streamArn);
  expect(record?.dynamodb?.NewImage).toEqual(Item);
});
