import { QueryCommand as LowQueryCommand } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { InProcessDynamoDB } from './inProcessDynamoDB.js';
import { createOrdersTable } from './testSupport/tables.js';

const withItems = async (count: number) => {
  const db = new InProcessDynamoDB();
  await createOrdersTable(db, {
    AttributeDefinitions: [
      { AttributeName: 'status', AttributeType: 'S' },
      { AttributeName: 'total', AttributeType: 'N' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: 'byStatus',
        KeySchema: [
          { AttributeName: 'status', KeyType: 'HASH' },
          { AttributeName: 'total', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      },
    ],
    LocalSecondaryIndexes: [
      {
        IndexName: 'byTotal',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'total', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['note'] },
      },
    ],
  });
  const doc = db.documentClient();
  for (let i = 0; i < count; i++) {
    await doc.send(
      new PutCommand({
        TableName: 'orders',
        Item: {
          pk: `p${i % 2}`,
          sk: i,
          total: 100 - i,
          note: `n${i}`,
          other: 'x',
          ...(i % 3 === 0 ? {} : { status: i % 3 === 1 ? 'open' : 'closed' }),
        },
      }),
    );
  }
  return { db, doc };
};

describe('Query and Scan through the SDK', () => {
  it('queries one partition in sort order, both ways, with BETWEEN and begins_with-free ranges', async () => {
    const { doc } = await withItems(10);
    const up = await doc.send(
      new QueryCommand({
        TableName: 'orders',
        KeyConditionExpression: 'pk = :p AND sk BETWEEN :lo AND :hi',
        ExpressionAttributeValues: { ':p': 'p0', ':lo': 2, ':hi': 6 },
      }),
    );
    expect(up.Items?.map((i) => i.sk)).toEqual([2, 4, 6]);
    expect(up.Count).toBe(3);
    const down = await doc.send(
      new QueryCommand({
        TableName: 'orders',
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': 'p1' },
        ScanIndexForward: false,
      }),
    );
    expect(down.Items?.map((i) => i.sk)).toEqual([9, 7, 5, 3, 1]);
  });

  it('pages with Limit and LastEvaluatedKey; the filter runs after the limit', async () => {
    const { doc } = await withItems(10);
    const seen: number[] = [];
    let start: Record<string, unknown> | undefined;
    let pages = 0;
    do {
      const page = await doc.send(
        new QueryCommand({
          TableName: 'orders',
          KeyConditionExpression: 'pk = :p',
          FilterExpression: '#t <> :ninetySix',
          ExpressionAttributeNames: { '#t': 'total' },
          ExpressionAttributeValues: { ':p': 'p0', ':ninetySix': 96 },
          Limit: 2,
          ExclusiveStartKey: start,
        }),
      );
      pages++;
      expect(page.ScannedCount).toBeLessThanOrEqual(2);
      seen.push(...(page.Items ?? []).map((i) => i.sk as number));
      start = page.LastEvaluatedKey;
    } while (start);
    expect(seen).toEqual([0, 2, 6, 8]);
    // DynamoDB reports LastEvaluatedKey on a full page even if nothing follows.
    expect(pages).toBe(3);
  });

  it('counts with Select COUNT and projects with ProjectionExpression', async () => {
    const { doc } = await withItems(6);
    const count = await doc.send(
      new QueryCommand({
        TableName: 'orders',
        KeyConditionExpression: 'pk = :p AND sk > :s',
        ExpressionAttributeValues: { ':p': 'p1', ':s': 1 },
        Select: 'COUNT',
      }),
    );
    expect(count.Items).toBeUndefined();
    expect(count.Count).toBe(2);
    const projected = await doc.send(
      new QueryCommand({
        TableName: 'orders',
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': 'p1' },
        ProjectionExpression: 'sk, note',
      }),
    );
    expect(projected.Items).toEqual([
      { sk: 1, note: 'n1' },
      { sk: 3, note: 'n3' },
      { sk: 5, note: 'n5' },
    ]);
  });

  it('queries a sparse KEYS_ONLY global index, paging across items that share an index key', async () => {
    const { doc } = await withItems(12);
    const open: unknown[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(
        new QueryCommand({
          TableName: 'orders',
          IndexName: 'byStatus',
          KeyConditionExpression: '#s = :open',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':open': 'open' },
          Limit: 1,
          ExclusiveStartKey: start,
        }),
      );
      open.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
      if (start) expect(Object.keys(start).sort()).toEqual(['pk', 'sk', 'status', 'total']);
    } while (start);
    // i % 3 === 1: totals 99, 96, 93, 90 in ascending index order; keys and index keys only.
    expect(open).toEqual([
      { pk: 'p0', sk: 10, status: 'open', total: 90 },
      { pk: 'p1', sk: 7, status: 'open', total: 93 },
      { pk: 'p0', sk: 4, status: 'open', total: 96 },
      { pk: 'p1', sk: 1, status: 'open', total: 99 },
    ]);
  });

  it('queries a local index with its INCLUDE projection and follows later writes', async () => {
    const { doc } = await withItems(6);
    await doc.send(
      new PutCommand({ TableName: 'orders', Item: { pk: 'p0', sk: 0, total: 1, note: 'moved' } }),
    );
    const page = await doc.send(
      new QueryCommand({
        TableName: 'orders',
        IndexName: 'byTotal',
        KeyConditionExpression: 'pk = :p AND #t < :t',
        ExpressionAttributeNames: { '#t': 'total' },
        ExpressionAttributeValues: { ':p': 'p0', ':t': 101 },
      }),
    );
    expect(page.Items).toEqual([
      { pk: 'p0', sk: 0, total: 1, note: 'moved' },
      { pk: 'p0', sk: 4, total: 96, note: 'n4' },
      { pk: 'p0', sk: 2, total: 98, note: 'n2' },
    ]);
  });

  it('a local index reads the table for attributes it does not project', async () => {
    const { doc } = await withItems(4);
    const page = await doc.send(
      new QueryCommand({
        TableName: 'orders',
        IndexName: 'byTotal',
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': 'p1' },
        Select: 'ALL_ATTRIBUTES',
      }),
    );
    expect(page.Items?.map((i) => [i.sk, i.other])).toEqual([
      [3, 'x'],
      [1, 'x'],
    ]);
  });

  it('refuses an unknown index and a key condition that misses the partition key', async () => {
    const { db } = await withItems(1);
    const client = db.client();
    await expect(
      client.send(
        new LowQueryCommand({
          TableName: 'orders',
          IndexName: 'nope',
          KeyConditionExpression: 'pk = :p',
          ExpressionAttributeValues: { ':p': { S: 'p0' } },
        }),
      ),
    ).rejects.toThrow('The table does not have the specified index: nope');
    await expect(
      client.send(
        new LowQueryCommand({
          TableName: 'orders',
          KeyConditionExpression: 'sk = :s',
          ExpressionAttributeValues: { ':s': { N: '1' } },
        }),
      ),
    ).rejects.toThrow(/Query condition missed key schema element/);
  });

  it('a parallel scan covers every item exactly once; the filter applies', async () => {
    const { doc } = await withItems(30);
    const segments = await Promise.all(
      [0, 1, 2].map((segment) =>
        doc.send(
          new ScanCommand({
            TableName: 'orders',
            Segment: segment,
            TotalSegments: 3,
            FilterExpression: 'sk >= :ten',
            ExpressionAttributeValues: { ':ten': 10 },
          }),
        ),
      ),
    );
    const sks = segments.flatMap((s) => (s.Items ?? []).map((i) => i.sk as number));
    expect(sks.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 10));
    expect(segments.reduce((sum, s) => sum + (s.ScannedCount ?? 0), 0)).toBe(30);
  });

  it('reports the capacity a read consumed when asked: a unit per 4 KB, half for eventual reads', async () => {
    const { doc } = await withItems(4);
    const eventual = await doc.send(
      new ScanCommand({ TableName: 'orders', ReturnConsumedCapacity: 'TOTAL' }),
    );
    expect(eventual.ConsumedCapacity).toEqual({ TableName: 'orders', CapacityUnits: 0.5 });
    const strong = await doc.send(
      new ScanCommand({
        TableName: 'orders',
        ReturnConsumedCapacity: 'TOTAL',
        ConsistentRead: true,
      }),
    );
    expect(strong.ConsumedCapacity).toEqual({ TableName: 'orders', CapacityUnits: 1 });
    const silent = await doc.send(new ScanCommand({ TableName: 'orders' }));
    expect(silent.ConsumedCapacity).toBeUndefined();
  });

  it('stops a page at 1 MB', async () => {
    const db = new InProcessDynamoDB();
    await createOrdersTable(db);
    const doc = db.documentClient();
    const big = 'x'.repeat(200_000);
    for (let chunk = 0; chunk < 2; chunk++) {
      await doc.send(
        new BatchWriteCommand({
          RequestItems: {
            orders: Array.from({ length: 4 }, (_, i) => ({
              PutRequest: { Item: { pk: 'p', sk: chunk * 4 + i, big } },
            })),
          },
        }),
      );
    }
    const first = await doc.send(
      new QueryCommand({
        TableName: 'orders',
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': 'p' },
        ProjectionExpression: 'sk',
      }),
    );
    expect(first.Items?.length).toBe(6);
    expect(first.LastEvaluatedKey).toEqual({ pk: 'p', sk: 5 });
  });
});
