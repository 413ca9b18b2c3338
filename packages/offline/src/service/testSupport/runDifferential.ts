import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { comparableImage } from '../../conformance/testSupport/comparableRecord.js';
import type { DifferentialOperation } from './differentialOperations.js';

/** The differential test's table: `pk` (S) / `sk` (N), a GSI on `g` (S) / `sk`, a full stream. */
export const createDifferentialTable = async (client: DynamoDBClient, TableName: string) => {
  const { TableDescription } = await client.send(
    new CreateTableCommand({
      TableName,
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'N' },
        { AttributeName: 'g', AttributeType: 'S' },
        { AttributeName: 'a', AttributeType: 'N' },
      ],
      LocalSecondaryIndexes: [
        {
          IndexName: 'byA',
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'a', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['s'] },
        },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byG',
          KeySchema: [
            { AttributeName: 'g', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  return TableDescription?.LatestStreamArn ?? '';
};

type Output = Record<string, unknown>;

/** JSON with object keys sorted: two items equal as maps give one text. */
const stableJson = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

/** An output or error without what must differ (metadata, request ids, table names). */
const comparable = (output: Output): Output => {
  const out: Output = {};
  for (const [name, value] of Object.entries(output)) {
    // DynamoDB Local reports ConsumedCapacity unasked; AWS only with ReturnConsumedCapacity.
    if (
      ['$metadata', '$fault', '$response', 'ConsumedCapacity'].includes(name) ||
      value === undefined
    )
      continue;
    if (name === 'Attributes' || name === 'Item' || name === 'LastEvaluatedKey')
      out[name] = comparableImage(value as never);
    else if (name === 'Items') out[name] = (value as never[]).map((i) => comparableImage(i));
    else if (name === 'CancellationReasons')
      out[name] = (value as Output[]).map((r) => ({
        ...r,
        Item: comparableImage(r.Item as never),
      }));
    else out[name] = value;
  }
  return out;
};

const send = async (client: DynamoDBClient, command: unknown): Promise<Output> => {
  try {
    return { ok: comparable((await client.send(command as never)) as unknown as Output) };
  } catch (error) {
    const e = error as Error & Output;
    return {
      error: e.name,
      message: e.message,
      ...comparable({ Item: e.Item, CancellationReasons: e.CancellationReasons }),
    };
  }
};

/** The index key attributes of each index of the differential table. */
const INDEX_KEYS: Record<string, readonly string[]> = { byG: ['g', 'sk'], byA: ['pk', 'a'] };

/**
 * An index query's items over all its pages, items with equal index keys in table-key order:
 * DynamoDB does not define their order (DynamoDB Local's follows an internal hash), so page
 * boundaries and the order within ties are left out of the comparison.
 */
const indexResult = (pages: Output[], indexName: string) => {
  const keyText = (item: Output): string =>
    JSON.stringify((INDEX_KEYS[indexName] ?? []).map((name) => item[name]));
  const items = pages.flatMap((page) => ((page.ok as Output | undefined)?.Items ?? []) as Output[]);
  const runs: Output[][] = [];
  for (const item of items) {
    const run = runs[runs.length - 1];
    if (run !== undefined && keyText(run[0] as Output) === keyText(item)) run.push(item);
    else runs.push([item]);
  }
  const byTableKey = (a: Output, b: Output) =>
    JSON.stringify([a.pk, a.sk]) < JSON.stringify([b.pk, b.sk]) ? -1 : 1;
  return {
    errors: pages.filter((page) => page.error !== undefined),
    items: runs.flatMap((run) => run.sort(byTableKey)),
  };
};

/** Runs one operation on a backend, paging a Query to its end; returns what can be compared. */
export const runOperation = async (
  client: DynamoDBClient,
  TableName: string,
  { op, input }: DifferentialOperation,
): Promise<unknown> => {
  switch (op) {
    case 'PutItem':
      return send(client, new PutItemCommand({ ...input, TableName } as never));
    case 'UpdateItem':
      return send(client, new UpdateItemCommand({ ...input, TableName } as never));
    case 'DeleteItem':
      return send(client, new DeleteItemCommand({ ...input, TableName } as never));
    case 'GetItem':
      return send(client, new GetItemCommand({ ...input, TableName } as never));
    case 'TransactWriteItems':
      return send(
        client,
        new TransactWriteItemsCommand({
          TransactItems: input.actions.map((action) =>
            Object.fromEntries(
              Object.entries(action).map(([kind, body]) => [
                kind,
                { ...(body as Output), TableName },
              ]),
            ),
          ) as never,
        }),
      );
    case 'Scan': {
      // Scan order follows each implementation's partition hash: compare the items as a set.
      const result = await send(client, new ScanCommand({ ...input, TableName } as never));
      const ok = result.ok as Output | undefined;
      if (ok === undefined) return result;
      const items = ((ok.Items ?? []) as Output[]).map(stableJson).sort();
      return { ...ok, Items: items };
    }
    case 'BatchWriteItem':
      return send(
        client,
        new BatchWriteItemCommand({ RequestItems: { [TableName]: input.requests as never } }),
      );
    case 'BatchGetItem': {
      const result = await send(
        client,
        new BatchGetItemCommand({ RequestItems: { [TableName]: { Keys: input.keys } } }),
      );
      const ok = result.ok as Output | undefined;
      if (ok === undefined) return result;
      const responses = (ok.Responses as Record<string, Output[]> | undefined)?.[TableName] ?? [];
      return { items: responses.map((i) => stableJson(comparableImage(i as never))).sort() };
    }
    case 'Query': {
      const pages: Output[] = [];
      let start: unknown;
      do {
        const page = await send(
          client,
          new QueryCommand({ ...input, TableName, ExclusiveStartKey: start } as never),
        );
        pages.push(page);
        // Keys are strings and numbers, which comparable() leaves as they are.
        start = (page.ok as Output | undefined)?.LastEvaluatedKey;
      } while (start !== undefined && pages.length < 20);
      return input.IndexName === undefined ? pages : indexResult(pages, String(input.IndexName));
    }
  }
};
