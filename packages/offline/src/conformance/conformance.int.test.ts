import { randomUUID } from 'node:crypto';
import { type AttributeValue, CreateTableCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import type { StreamViewType } from '@sluice/core';
import { ManualClock } from '@sluice/core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { connectDynamoDBLocal } from '../dynamodbLocal/connectDynamoDBLocal.js';
import { readDynamoDBLocalStream } from '../dynamodbLocal/readDynamoDBLocalStream.js';
import type { KeySchema } from '../item/keySchema.js';
import { InMemoryTable } from '../table/inMemoryTable.js';
import { applyToDynamoDB } from './testSupport/applyToDynamoDB.js';
import { applyToInMemoryTable } from './testSupport/applyToInMemoryTable.js';
import { comparableImage, comparableStream } from './testSupport/comparableRecord.js';
import {
  type ConformanceScenario,
  conformanceScenarios,
} from './testSupport/conformanceScenarios.js';

const local = connectDynamoDBLocal(inject('dynamodbLocalEndpoint'));
afterAll(() => local.destroy());

const VIEW_TYPES: readonly StreamViewType[] = [
  'KEYS_ONLY',
  'NEW_IMAGE',
  'OLD_IMAGE',
  'NEW_AND_OLD_IMAGES',
];

const createLocalTable = async (
  TableName: string,
  keySchema: KeySchema,
  viewType: StreamViewType,
): Promise<string> => {
  const keys = [keySchema.partitionKey, ...(keySchema.sortKey ? [keySchema.sortKey] : [])];
  const { TableDescription } = await local.clients.dynamodb.send(
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
  return TableDescription?.LatestStreamArn ?? '';
};

const scanLocal = async (TableName: string): Promise<Record<string, AttributeValue>[]> => {
  const items: Record<string, AttributeValue>[] = [];
  let ExclusiveStartKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await local.clients.dynamodb.send(
      new ScanCommand({ TableName, ExclusiveStartKey }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey !== undefined);
  return items;
};

/** Items in comparable form, in a fixed order (scan order is an implementation detail). */
const comparableItems = (items: readonly Record<string, AttributeValue>[]) =>
  items
    .map((item) => comparableImage(item))
    .map((item) => JSON.stringify(item, Object.keys(item ?? {}).sort()))
    .sort();

/** What each implementation must get right on its own: the parts that are not compared. */
const expectWellFormed = (records: readonly _Record[]) => {
  const sequence = records.map((r) => r.dynamodb?.SequenceNumber ?? '');
  for (const s of sequence) expect(s).toMatch(/^\d{21,40}$/);
  for (let i = 1; i < sequence.length; i++) {
    expect(BigInt(sequence[i] as string) > BigInt(sequence[i - 1] as string)).toBe(true);
  }
  expect(new Set(records.map((r) => r.eventID)).size).toBe(records.length);
  for (const r of records) {
    expect(r.dynamodb?.ApproximateCreationDateTime).toBeInstanceOf(Date);
    expect(typeof r.awsRegion).toBe('string');
  }
};

const run = async (scenario: ConformanceScenario, viewType: StreamViewType) => {
  const tableName = `conformance-${randomUUID()}`;
  const streamArn = await createLocalTable(tableName, scenario.keySchema, viewType);
  const localOutcomes = await applyToDynamoDB(
    local.clients.dynamodb,
    tableName,
    scenario.keySchema.partitionKey.name,
    scenario.writes,
  );
  const table = new InMemoryTable({
    tableName,
    ...scenario.keySchema,
    streamViewType: viewType,
    stream: { partitionCount: 1 }, // DynamoDB Local has one shard: records compare in order
    clock: new ManualClock(),
  });
  const memoryOutcomes = applyToInMemoryTable(table, scenario.writes);
  return {
    outcomes: { local: localOutcomes, memory: memoryOutcomes },
    records: {
      local: await readDynamoDBLocalStream(local.clients.streams, streamArn),
      memory: table.stream.records(),
    },
    items: { local: await scanLocal(tableName), memory: table.scanAllItems() },
  };
};

describe.each(conformanceScenarios)('$name', (scenario) => {
  describe.each(VIEW_TYPES)('on a %s stream', (viewType) => {
    it('the in-memory table emits the records DynamoDB Local emits, and ends in the same state', async () => {
      const { outcomes, records, items } = await run(scenario, viewType);
      expect(outcomes.memory, 'write outcomes (ok or error name), in script order').toEqual(
        outcomes.local,
      );
      expect(records.local.length).toBeGreaterThan(0);
      expectWellFormed(records.local);
      expectWellFormed(records.memory);
      expect(comparableStream(records.memory), 'stream records in sequence order').toEqual(
        comparableStream(records.local),
      );
      expect(comparableItems(items.memory), 'final items').toEqual(comparableItems(items.local));
    });
  });
});
