import { randomUUID } from 'node:crypto';
import { CreateTableCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, expect, inject, it } from 'vitest';
import { connectDynamoDBLocal } from '../dynamodbLocal/connectDynamoDBLocal.js';
import { createEventSourceMapping } from './deliveryDriver.js';

const local = connectDynamoDBLocal(inject('dynamodbLocalEndpoint'));
afterAll(() => local.destroy());

it('delivers a DynamoDB Local stream through the real Streams API, retries included', async () => {
  const TableName = `delivery-${randomUUID()}`;
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
  const put = (id: string) =>
    local.clients.dynamodb.send(new PutItemCommand({ TableName, Item: { id: { S: id } } }));
  for (const id of ['a', 'b', 'c', 'd', 'e']) await put(id);

  const events: DynamoDBStreamEvent[] = [];
  const mapping = await createEventSourceMapping({
    source: { client: local.clients.streams, streamArn },
    handler: async (event) => {
      events.push(event);
      if (events.length === 1)
        return {
          batchItemFailures: [{ itemIdentifier: event.Records[1]?.dynamodb?.SequenceNumber ?? '' }],
        };
    },
    options: { BatchSize: 3, FunctionResponseTypes: ['ReportBatchItemFailures'] },
  });
  const report = await mapping.drain();
  const ids = events.map((e) => e.Records.map((r) => r.dynamodb?.Keys?.id?.S).join(''));
  expect(ids).toEqual(['abc', 'bcd', 'e']);
  expect(events[0]?.Records[0]?.eventSourceARN).toBe(streamArn);
  expect(report).toMatchObject({ recordsRead: 5, recordsSucceeded: 5, retries: 1 });

  // The position survives DynamoDB Local's open shard without a NextShardIterator.
  await put('f');
  expect((await mapping.drain()).recordsRead).toBe(1);
  expect(events.at(-1)?.Records.map((r) => r.dynamodb?.Keys?.id?.S)).toEqual(['f']);
});
