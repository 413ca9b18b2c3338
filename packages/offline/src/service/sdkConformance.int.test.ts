// The conformance scenarios (every attribute type, canonical numbers, no-op writes, view types)
// sent through the SDK to the in-process DynamoDB and to DynamoDB Local: same outcomes, same
// stream records, same final items.
import { randomUUID } from 'node:crypto';
import {
  type AttributeValue,
  CreateTableCommand,
  type DynamoDBClient,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { StreamViewType } from '@sluice/core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { applyToDynamoDB } from '../conformance/testSupport/applyToDynamoDB.js';
import { comparableImage, comparableStream } from '../conformance/testSupport/comparableRecord.js';
import {
  type ConformanceScenario,
  conformanceScenarios,
} from '../conformance/testSupport/conformanceScenarios.js';
import { connectDynamoDBLocal } from '../dynamodbLocal/connectDynamoDBLocal.js';
import { readDynamoDBLocalStream } from '../dynamodbLocal/readDynamoDBLocalStream.js';
import { InProcessDynamoDB } from './inProcessDynamoDB.js';

const local = connectDynamoDBLocal(inject('dynamodbLocalEndpoint'));
afterAll(() => local.destroy());

const VIEW_TYPES: readonly StreamViewType[] = [
  'KEYS_ONLY',
  'NEW_IMAGE',
  'OLD_IMAGE',
  'NEW_AND_OLD_IMAGES',
];

interface Backend {
  readonly client: DynamoDBClient;
  readonly streams: DynamoDBStreamsClient;
}

const scanAll = async (client: DynamoDBClient, TableName: string) => {
  const items: Record<string, AttributeValue>[] = [];
  let ExclusiveStartKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey !== undefined);
  return items
    .map((item) => comparableImage(item))
    .map((item) => JSON.stringify(item, Object.keys(item ?? {}).sort()))
    .sort();
};

const run = async (
  backend: Backend,
  scenario: ConformanceScenario,
  viewType: StreamViewType,
  TableName: string,
) => {
  const { partitionKey, sortKey } = scenario.keySchema;
  const keys = [partitionKey, ...(sortKey ? [sortKey] : [])];
  const { TableDescription } = await backend.client.send(
    new CreateTableCommand({
      TableName,
      KeySchema: keys.map((k, i) => ({
        AttributeName: k.name,
        KeyType: i === 0 ? 'HASH' : 'RANGE',
      })),
      AttributeDefinitions: keys.map((k) => ({ AttributeName: k.name, AttributeType: k.type })),
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamEnabled: true, StreamViewType: viewType },
    }),
  );
  const outcomes = await applyToDynamoDB(
    backend.client,
    TableName,
    partitionKey.name,
    scenario.writes,
  );
  const records = await readDynamoDBLocalStream(
    backend.streams,
    TableDescription?.LatestStreamArn ?? '',
  );
  return {
    outcomes,
    records: comparableStream(records),
    items: await scanAll(backend.client, TableName),
  };
};

describe.each(conformanceScenarios)('$name through the SDK', (scenario) => {
  describe.each(VIEW_TYPES)('on a %s stream', (viewType) => {
    it('the in-process DynamoDB answers, streams and stores what DynamoDB Local does', async () => {
      const TableName = `sdk-conformance-${randomUUID()}`;
      const db = new InProcessDynamoDB({ stream: { partitionCount: 1 } });
      const inProcess = await run(
        { client: db.client(), streams: db.streamsClient() },
        scenario,
        viewType,
        TableName,
      );
      const expected = await run(
        { client: local.clients.dynamodb, streams: local.clients.streams },
        scenario,
        viewType,
        TableName,
      );
      expect(inProcess.outcomes, 'write outcomes').toEqual(expected.outcomes);
      expect(inProcess.records, 'stream records').toEqual(expected.records);
      expect(inProcess.items, 'final items').toEqual(expected.items);
    });
  });
});
