import { randomUUID } from 'node:crypto';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import type { StreamViewType } from '@sluice/core';
import { ManualClock } from '@sluice/core';
import fc from 'fast-check';
import { afterAll, expect, inject, it } from 'vitest';
import { connectDynamoDBLocal } from '../dynamodbLocal/connectDynamoDBLocal.js';
import { readDynamoDBLocalStream } from '../dynamodbLocal/readDynamoDBLocalStream.js';
import { InMemoryTable } from '../table/inMemoryTable.js';
import { applyToDynamoDB } from './testSupport/applyToDynamoDB.js';
import { applyToInMemoryTable } from './testSupport/applyToInMemoryTable.js';
import { comparableStream } from './testSupport/comparableRecord.js';
import { writeArbitrary } from './testSupport/writeArbitrary.js';

const local = connectDynamoDBLocal(inject('dynamodbLocalEndpoint'));
afterAll(() => local.destroy());

const viewTypes: readonly StreamViewType[] = [
  'KEYS_ONLY',
  'NEW_IMAGE',
  'OLD_IMAGE',
  'NEW_AND_OLD_IMAGES',
];

it('for random write scripts, the in-memory stream equals DynamoDB Local record for record', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...viewTypes),
      fc.array(writeArbitrary, { minLength: 1, maxLength: 15 }),
      async (viewType, writes) => {
        const TableName = `conformance-random-${randomUUID()}`;
        const { TableDescription } = await local.clients.dynamodb.send(
          new CreateTableCommand({
            TableName,
            KeySchema: [
              { AttributeName: 'pk', KeyType: 'HASH' },
              { AttributeName: 'sk', KeyType: 'RANGE' },
            ],
            AttributeDefinitions: [
              { AttributeName: 'pk', AttributeType: 'S' },
              { AttributeName: 'sk', AttributeType: 'N' },
            ],
            BillingMode: 'PAY_PER_REQUEST',
            StreamSpecification: { StreamEnabled: true, StreamViewType: viewType },
          }),
        );
        const table = new InMemoryTable({
          tableName: TableName,
          partitionKey: { name: 'pk', type: 'S' },
          sortKey: { name: 'sk', type: 'N' },
          streamViewType: viewType,
          stream: { partitionCount: 1 }, // DynamoDB Local has one shard: records compare in order
          clock: new ManualClock(),
        });
        const localOutcomes = await applyToDynamoDB(
          local.clients.dynamodb,
          TableName,
          'pk',
          writes,
        );
        expect(applyToInMemoryTable(table, writes)).toEqual(localOutcomes);
        const localRecords = await readDynamoDBLocalStream(
          local.clients.streams,
          TableDescription?.LatestStreamArn ?? '',
        );
        expect(comparableStream(table.stream.records())).toEqual(comparableStream(localRecords));
      },
    ),
    { numRuns: 30 },
  );
});
