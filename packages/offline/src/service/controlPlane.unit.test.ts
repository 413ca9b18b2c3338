import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ExecuteStatementCommand,
  ListTablesCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, ListStreamsCommand } from '@aws-sdk/client-dynamodb-streams';
import { ManualClock } from '@sluice/core';
import { describe, expect, it } from 'vitest';
import { InProcessDynamoDB } from './inProcessDynamoDB.js';

const ordersTable = (name = 'orders') =>
  new CreateTableCommand({
    TableName: name,
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'N' },
    ],
    BillingMode: 'PAY_PER_REQUEST',
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  });

describe('InProcessDynamoDB control plane through the SDK', () => {
  it('creates a table that DescribeTable reports ACTIVE with its stream', async () => {
    const clock = new ManualClock(new Date('2024-01-01T00:00:00Z'));
    const db = new InProcessDynamoDB({ clock });
    const client = db.client();
    const created = await client.send(ordersTable());
    expect(created.TableDescription?.TableStatus).toBe('ACTIVE');
    const { Table } = await client.send(new DescribeTableCommand({ TableName: 'orders' }));
    expect(Table).toMatchObject({
      TableName: 'orders',
      TableStatus: 'ACTIVE',
      ItemCount: 0,
      TableArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/orders',
      BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      LatestStreamLabel: '2024-01-01T00:00:00.000',
      LatestStreamArn: db.table('orders').stream.streamArn,
    });
    expect(Table?.CreationDateTime).toEqual(new Date('2024-01-01T00:00:00Z'));
  });

  it('raises ResourceInUseException and ResourceNotFoundException as the SDK classes', async () => {
    const db = new InProcessDynamoDB();
    const client = db.client();
    await client.send(ordersTable());
    await expect(client.send(ordersTable())).rejects.toBeInstanceOf(ResourceInUseException);
    await expect(
      client.send(new DescribeTableCommand({ TableName: 'missing' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('lists tables in name order, paged', async () => {
    const db = new InProcessDynamoDB();
    const client = db.client();
    for (const name of ['ccc', 'aaa', 'bbb']) await client.send(ordersTable(name));
    const first = await client.send(new ListTablesCommand({ Limit: 2 }));
    expect(first).toMatchObject({ TableNames: ['aaa', 'bbb'], LastEvaluatedTableName: 'bbb' });
    const rest = await client.send(new ListTablesCommand({ ExclusiveStartTableName: 'bbb' }));
    expect(rest.TableNames).toEqual(['ccc']);
    expect(rest.LastEvaluatedTableName).toBeUndefined();
  });

  it('re-enabling a stream gives a new ARN; the old stream stays listed', async () => {
    const clock = new ManualClock(new Date('2024-01-01T00:00:00Z'));
    const db = new InProcessDynamoDB({ clock });
    const client = db.client();
    await client.send(ordersTable());
    const first = db.table('orders').stream.streamArn;
    const disabled = await client.send(
      new UpdateTableCommand({
        TableName: 'orders',
        StreamSpecification: { StreamEnabled: false },
      }),
    );
    expect(disabled.TableDescription?.StreamSpecification).toBeUndefined();
    expect(db.table('orders').hasStream).toBe(false);
    clock.advance(1000);
    const enabled = await client.send(
      new UpdateTableCommand({
        TableName: 'orders',
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
      }),
    );
    const second = enabled.TableDescription?.LatestStreamArn;
    expect(second).not.toBe(first);
    expect(second).toBe(db.table('orders').stream.streamArn);
    const { Streams } = await db
      .streamsClient()
      .send(new ListStreamsCommand({ TableName: 'orders' }));
    expect(Streams?.map((s) => s.StreamArn)).toEqual([first, second]);
    const streams = db.streamsClient();
    const old = await streams.send(new DescribeStreamCommand({ StreamArn: first }));
    expect(old.StreamDescription?.StreamStatus).toBe('DISABLED');
    const current = await streams.send(new DescribeStreamCommand({ StreamArn: second }));
    expect(current.StreamDescription?.StreamStatus).toBe('ENABLED');
  });

  it('creates a table directly, visible to the clients at once', async () => {
    const db = new InProcessDynamoDB();
    const table = db.createTable(ordersTable('direct').input);
    expect(table.tableName).toBe('direct');
    expect(table.hasStream).toBe(true);
    expect((await db.client().send(new ListTablesCommand({}))).TableNames).toEqual(['direct']);
    expect(() => db.createTable(ordersTable('direct').input)).toThrow(ResourceInUseException);
  });

  it('answers an operation it does not implement with UnknownOperationException', async () => {
    const error = await new InProcessDynamoDB()
      .client()
      .send(new ExecuteStatementCommand({ Statement: 'SELECT * FROM orders' }))
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('UnknownOperationException');
    expect((error as Error).message).toBe(
      'The in-process DynamoDB does not support the operation ExecuteStatement',
    );
  });

  it('deletes a table', async () => {
    const db = new InProcessDynamoDB();
    const client = db.client();
    await client.send(ordersTable());
    const deleted = await client.send(new DeleteTableCommand({ TableName: 'orders' }));
    expect(deleted.TableDescription?.TableStatus).toBe('DELETING');
    expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual([]);
  });

  it('turns TTL on and off', async () => {
    const db = new InProcessDynamoDB();
    const client = db.client();
    await client.send(ordersTable());
    const off = await client.send(new DescribeTimeToLiveCommand({ TableName: 'orders' }));
    expect(off.TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'DISABLED' });
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: 'orders',
        TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' },
      }),
    );
    const on = await client.send(new DescribeTimeToLiveCommand({ TableName: 'orders' }));
    expect(on.TimeToLiveDescription).toEqual({
      TimeToLiveStatus: 'ENABLED',
      AttributeName: 'expiresAt',
    });
    expect(db.table('orders').timeToLiveAttribute).toBe('expiresAt');
  });
});
