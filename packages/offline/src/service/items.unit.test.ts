import {
  ConditionalCheckFailedException,
  DynamoDBServiceException,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { InProcessDynamoDB } from './inProcessDynamoDB.js';
import { createOrdersTable } from './testSupport/tables.js';

const setup = async () => {
  const db = new InProcessDynamoDB();
  await createOrdersTable(db);
  return { db, doc: db.documentClient({ marshallOptions: { removeUndefinedValues: true } }) };
};

const validationError = async (promise: Promise<unknown>): Promise<string> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DynamoDBServiceException);
  expect((error as Error).name).toBe('ValidationException');
  return (error as Error).message;
};

describe('item operations through the unmodified SDK', () => {
  it('puts and gets an item with a projection, nested values and binary intact', async () => {
    const { doc } = await setup();
    const item = {
      pk: 'a',
      sk: 1,
      address: { city: 'Lyon', lines: ['1 rue', 'bis'] },
      tags: new Set(['x', 'y']),
      blob: new Uint8Array([0, 1, 255]),
    };
    await doc.send(new PutCommand({ TableName: 'orders', Item: item }));
    const full = await doc.send(new GetCommand({ TableName: 'orders', Key: { pk: 'a', sk: 1 } }));
    expect(full.Item).toEqual(item);
    const projected = await doc.send(
      new GetCommand({
        TableName: 'orders',
        Key: { pk: 'a', sk: 1 },
        ProjectionExpression: 'address.city, #t',
        ExpressionAttributeNames: { '#t': 'tags' },
        ConsistentRead: true,
      }),
    );
    expect(projected.Item).toEqual({ address: { city: 'Lyon' }, tags: new Set(['x', 'y']) });
    const missing = await doc.send(
      new GetCommand({ TableName: 'orders', Key: { pk: 'b', sk: 1 } }),
    );
    expect(missing.Item).toBeUndefined();
  });

  it('a failed condition raises ConditionalCheckFailedException carrying the item when asked', async () => {
    const { db, doc } = await setup();
    await doc.send(new PutCommand({ TableName: 'orders', Item: { pk: 'a', sk: 1, v: 1 } }));
    const error = await db
      .client()
      .send(
        new PutItemCommand({
          TableName: 'orders',
          Item: { pk: { S: 'a' }, sk: { N: '1' }, v: { N: '2' } },
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConditionalCheckFailedException);
    expect((error as ConditionalCheckFailedException).message).toBe(
      'The conditional request failed',
    );
    expect((error as ConditionalCheckFailedException).Item).toEqual({
      pk: { S: 'a' },
      sk: { N: '1' },
      v: { N: '1' },
    });
    expect(db.table('orders').stream.records()).toHaveLength(1);
  });

  it('UpdateItem creates a missing item from its key and returns what ReturnValues asks for', async () => {
    const { doc } = await setup();
    const key = { pk: 'a', sk: 1 };
    const created = await doc.send(
      new UpdateCommand({
        TableName: 'orders',
        Key: key,
        UpdateExpression: 'SET address = :a, n = :one',
        ExpressionAttributeValues: { ':a': { city: 'Lyon' }, ':one': 1 },
        ReturnValues: 'ALL_NEW',
      }),
    );
    expect(created.Attributes).toEqual({ ...key, address: { city: 'Lyon' }, n: 1 });
    const updatedOld = await doc.send(
      new UpdateCommand({
        TableName: 'orders',
        Key: key,
        UpdateExpression: 'SET address.city = :c, n = n + :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':c': 'Paris', ':one': 1 },
        ReturnValues: 'UPDATED_OLD',
      }),
    );
    expect(updatedOld.Attributes).toEqual({ address: { city: 'Lyon' }, n: 1 });
    const updatedNew = await doc.send(
      new UpdateCommand({
        TableName: 'orders',
        Key: key,
        UpdateExpression: 'REMOVE address ADD n :one',
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    expect(updatedNew.Attributes).toEqual({ n: 3 });
    const allOld = await doc.send(
      new UpdateCommand({
        TableName: 'orders',
        Key: key,
        UpdateExpression: 'SET m = :m',
        ExpressionAttributeValues: { ':m': 'x' },
        ReturnValues: 'ALL_OLD',
      }),
    );
    expect(allOld.Attributes).toEqual({ ...key, n: 3 });
  });

  it('refuses to update a key attribute, and the legacy AttributeUpdates', async () => {
    const { db, doc } = await setup();
    const message = await validationError(
      doc.send(
        new UpdateCommand({
          TableName: 'orders',
          Key: { pk: 'a', sk: 1 },
          UpdateExpression: 'SET sk = :v',
          ExpressionAttributeValues: { ':v': 1 },
        }),
      ),
    );
    expect(message).toBe(
      'One or more parameter values were invalid: Cannot update attribute sk. This attribute is part of the key',
    );
    const legacy = await validationError(
      db.client().send(
        new UpdateItemCommand({
          TableName: 'orders',
          Key: { pk: { S: 'a' }, sk: { N: '1' } },
          AttributeUpdates: { v: { Action: 'PUT', Value: { N: '1' } } },
        }),
      ),
    );
    expect(legacy).toContain('AttributeUpdates');
    expect(db.table('orders').itemCount).toBe(0);
  });

  it('a malformed expression or a mistyped value is refused and nothing reaches the stream', async () => {
    const { db, doc } = await setup();
    const malformed = await validationError(
      doc.send(
        new UpdateCommand({
          TableName: 'orders',
          Key: { pk: 'a', sk: 1 },
          UpdateExpression: 'SET v = :v,',
          ExpressionAttributeValues: { ':v': 1 },
        }),
      ),
    );
    expect(malformed).toMatch(/^Invalid UpdateExpression: Syntax error/);
    const mistyped = await validationError(
      db.client().send(
        new UpdateItemCommand({
          TableName: 'orders',
          Key: { pk: { S: 'a' }, sk: { N: '1' } },
          UpdateExpression: 'SET v = :v',
          ExpressionAttributeValues: { ':v': { N: 'not a number' } },
        }),
      ),
    );
    expect(mistyped).toBe(
      'ExpressionAttributeValues contains invalid value: A value provided cannot be converted into a number for key :v',
    );
    expect(db.table('orders').itemCount).toBe(0);
    expect(db.table('orders').stream.records()).toEqual([]);
  });

  it('an item over 400 KB is refused and nothing reaches the stream', async () => {
    const { db, doc } = await setup();
    const message = await validationError(
      doc.send(
        new PutCommand({ TableName: 'orders', Item: { pk: 'a', sk: 1, big: 'x'.repeat(410_000) } }),
      ),
    );
    expect(message).toBe('Item size has exceeded the maximum allowed size');
    expect(db.table('orders').itemCount).toBe(0);
    expect(db.table('orders').stream.records()).toEqual([]);
  });

  it('stores an attribute named __proto__ as data, not as a prototype', async () => {
    const { db } = await setup();
    const client = db.client();
    const item = JSON.parse('{"pk":{"S":"a"},"sk":{"N":"1"},"__proto__":{"S":"x"}}');
    await client.send(new PutItemCommand({ TableName: 'orders', Item: item }));
    const stored = db.table('orders').getItem({ pk: { S: 'a' }, sk: { N: '1' } });
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect(Object.keys(stored ?? {}).sort()).toEqual(['__proto__', 'pk', 'sk']);
  });

  it('reports the write capacity when asked: a unit per KB of the larger image', async () => {
    const { doc } = await setup();
    const put = await doc.send(
      new PutCommand({
        TableName: 'orders',
        Item: { pk: 'a', sk: 1, text: 'x'.repeat(1500) },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    expect(put.ConsumedCapacity).toEqual({ TableName: 'orders', CapacityUnits: 2 });
    const removed = await doc.send(
      new DeleteCommand({
        TableName: 'orders',
        Key: { pk: 'a', sk: 1 },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    expect(removed.ConsumedCapacity).toEqual({ TableName: 'orders', CapacityUnits: 2 });
  });

  it('a conditional delete returns the old item', async () => {
    const { db, doc } = await setup();
    await doc.send(new PutCommand({ TableName: 'orders', Item: { pk: 'a', sk: 1, v: 1 } }));
    const failed = doc.send(
      new DeleteCommand({
        TableName: 'orders',
        Key: { pk: 'a', sk: 1 },
        ConditionExpression: 'v = :two',
        ExpressionAttributeValues: { ':two': 2 },
      }),
    );
    await expect(failed).rejects.toBeInstanceOf(ConditionalCheckFailedException);
    const deleted = await doc.send(
      new DeleteCommand({ TableName: 'orders', Key: { pk: 'a', sk: 1 }, ReturnValues: 'ALL_OLD' }),
    );
    expect(deleted.Attributes).toEqual({ pk: 'a', sk: 1, v: 1 });
    expect(
      db
        .table('orders')
        .stream.records()
        .map((r) => r.eventName),
    ).toEqual(['INSERT', 'REMOVE']);
  });
});
