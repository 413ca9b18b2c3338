import {
  DynamoDBServiceException,
  IdempotentParameterMismatchException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  PutCommand,
  TransactGetCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { InProcessDynamoDB } from './inProcessDynamoDB.js';
import { createOrdersTable } from './testSupport/tables.js';

const twoTables = async () => {
  const db = new InProcessDynamoDB();
  await createOrdersTable(db);
  await createOrdersTable(db, {}, 'audit');
  const doc = db.documentClient();
  await doc.send(new PutCommand({ TableName: 'orders', Item: { pk: 'a', sk: 1, v: 1 } }));
  return { db, doc };
};

const recordCounts = (db: InProcessDynamoDB) => [
  db.table('orders').stream.records().length,
  db.table('audit').stream.records().length,
];

describe('batches and transactions through the SDK', () => {
  it('BatchWriteItem and BatchGetItem span tables', async () => {
    const { db, doc } = await twoTables();
    const written = await doc.send(
      new BatchWriteCommand({
        RequestItems: {
          orders: [
            { PutRequest: { Item: { pk: 'b', sk: 1 } } },
            { DeleteRequest: { Key: { pk: 'a', sk: 1 } } },
          ],
          audit: [{ PutRequest: { Item: { pk: 'log', sk: 1, what: 'b' } } }],
        },
      }),
    );
    expect(written.UnprocessedItems).toEqual({});
    const read = await doc.send(
      new BatchGetCommand({
        RequestItems: {
          orders: {
            Keys: [
              { pk: 'a', sk: 1 },
              { pk: 'b', sk: 1 },
            ],
          },
          audit: { Keys: [{ pk: 'log', sk: 1 }], ProjectionExpression: 'what' },
        },
      }),
    );
    expect(read.Responses).toEqual({ orders: [{ pk: 'b', sk: 1 }], audit: [{ what: 'b' }] });
    expect(recordCounts(db)).toEqual([3, 1]);
  });

  it('an invalid request in a batch leaves every table untouched', async () => {
    const { db, doc } = await twoTables();
    const failed = doc.send(
      new BatchWriteCommand({
        RequestItems: {
          audit: [{ PutRequest: { Item: { pk: 'log', sk: 1 } } }],
          orders: [{ PutRequest: { Item: { pk: 'b' } } }],
        },
      }),
    );
    await expect(failed).rejects.toThrow(/One of the required keys was not given a value/);
    expect(db.table('audit').itemCount).toBe(0);
    expect(recordCounts(db)).toEqual([1, 0]);
  });

  it('a transaction across tables applies every action', async () => {
    const { db, doc } = await twoTables();
    await doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: 'orders',
              Key: { pk: 'a', sk: 1 },
              UpdateExpression: 'SET v = v + :one',
              ConditionExpression: 'v = :one',
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
          { Put: { TableName: 'audit', Item: { pk: 'log', sk: 1 } } },
          {
            ConditionCheck: {
              TableName: 'audit',
              Key: { pk: 'other', sk: 1 },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
    const read = await doc.send(
      new TransactGetCommand({
        TransactItems: [
          { Get: { TableName: 'orders', Key: { pk: 'a', sk: 1 } } },
          { Get: { TableName: 'audit', Key: { pk: 'log', sk: 1 } } },
          { Get: { TableName: 'audit', Key: { pk: 'none', sk: 1 } } },
        ],
      }),
    );
    expect(read.Responses?.map((r) => r.Item)).toEqual([
      { pk: 'a', sk: 1, v: 2 },
      { pk: 'log', sk: 1 },
      undefined,
    ]);
    expect(recordCounts(db)).toEqual([2, 1]);
  });

  it('a failed condition cancels the whole transaction with one reason per action, nothing written or streamed', async () => {
    const { db } = await twoTables();
    const error = await db
      .documentClient()
      .send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: 'audit', Item: { pk: 'log', sk: 1 } } },
            {
              Delete: {
                TableName: 'orders',
                Key: { pk: 'a', sk: 1 },
                ConditionExpression: 'v = :two',
                ExpressionAttributeValues: { ':two': 2 },
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
          ],
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionCanceledException);
    const canceled = error as TransactionCanceledException;
    expect(canceled.message).toBe(
      'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]',
    );
    expect(canceled.CancellationReasons).toEqual([
      { Code: 'None' },
      {
        Code: 'ConditionalCheckFailed',
        Message: 'The conditional request failed',
        Item: { pk: { S: 'a' }, sk: { N: '1' }, v: { N: '1' } },
      },
    ]);
    expect(db.table('audit').itemCount).toBe(0);
    expect(recordCounts(db)).toEqual([1, 0]);
  });

  it('a retried ClientRequestToken is not applied twice; reused for another request it is refused', async () => {
    const { db, doc } = await twoTables();
    const add = (token: string, by: number) =>
      doc.send(
        new TransactWriteCommand({
          ClientRequestToken: token,
          TransactItems: [
            {
              Update: {
                TableName: 'orders',
                Key: { pk: 'a', sk: 1 },
                UpdateExpression: 'ADD v :by',
                ExpressionAttributeValues: { ':by': by },
              },
            },
          ],
        }),
      );
    await add('token-1', 1);
    await add('token-1', 1);
    expect(db.table('orders').get({ pk: 'a', sk: 1 })).toEqual({ pk: 'a', sk: 1, v: 2 });
    await expect(add('token-1', 5)).rejects.toBeInstanceOf(IdempotentParameterMismatchException);
    await add('token-2', 1);
    expect(db.table('orders').get({ pk: 'a', sk: 1 })).toEqual({ pk: 'a', sk: 1, v: 3 });
  });

  it('the 4 MB bound holds across tables, nothing applied', async () => {
    const { db, doc } = await twoTables();
    const big = 'x'.repeat(390_000);
    const puts = (table: string) =>
      Array.from({ length: 6 }, (_, i) => ({
        Put: { TableName: table, Item: { pk: `big${i}`, sk: 1, big } },
      }));
    const failed = doc.send(
      new TransactWriteCommand({ TransactItems: [...puts('orders'), ...puts('audit')] }),
    );
    await expect(failed).rejects.toThrow(
      'Transaction request exceeds the maximum allowed size of 4 MB',
    );
    expect(recordCounts(db)).toEqual([1, 0]);
  });

  it('two actions on one item are refused as a ValidationException, nothing applied', async () => {
    const { db, doc } = await twoTables();
    const error = await doc
      .send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: 'audit', Item: { pk: 'log', sk: 1 } } },
            { Put: { TableName: 'orders', Item: { pk: 'a', sk: 1, v: 5 } } },
            { Delete: { TableName: 'orders', Key: { pk: 'a', sk: 1 } } },
          ],
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DynamoDBServiceException);
    expect((error as Error).name).toBe('ValidationException');
    expect((error as Error).message).toBe(
      'Transaction request cannot include multiple operations on one item',
    );
    expect(db.table('orders').get({ pk: 'a', sk: 1 })).toEqual({ pk: 'a', sk: 1, v: 1 });
    expect(recordCounts(db)).toEqual([1, 0]);
  });
});
