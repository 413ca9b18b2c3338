import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListStreamsCommand,
  ResourceNotFoundException,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';
import { ManualClock } from '@sluice/core';
import { describe, expect, it } from 'vitest';
import { InMemoryTable } from '../table/inMemoryTable.js';
import { InMemoryStreamsClient } from './inMemoryStreamsClient.js';

const setup = () => {
  const clock = new ManualClock();
  const orders = new InMemoryTable({
    tableName: 'orders',
    partitionKey: { name: 'id', type: 'S' },
    streamViewType: 'NEW_IMAGE',
    stream: { partitionCount: 1 }, // the tests follow one shard's positions
    clock,
  });
  const users = new InMemoryTable({
    tableName: 'users',
    partitionKey: { name: 'id', type: 'S' },
    streamViewType: 'KEYS_ONLY',
    stream: { partitionCount: 1 },
    clock,
  });
  const client = new InMemoryStreamsClient([orders.stream, users.stream]);
  return { clock, orders, users, client };
};

/** Code written against the real client, as a poller would be. */
const readAll = async (client: Pick<DynamoDBStreamsClient, 'send'>, StreamArn: string) => {
  const { StreamDescription } = await client.send(new DescribeStreamCommand({ StreamArn }));
  const ids: string[] = [];
  for (const shard of StreamDescription?.Shards ?? []) {
    const { ShardIterator } = await client.send(
      new GetShardIteratorCommand({
        StreamArn,
        ShardId: shard.ShardId,
        ShardIteratorType: 'TRIM_HORIZON',
      }),
    );
    let iterator = ShardIterator;
    while (iterator) {
      const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 2 }));
      ids.push(...(page.Records ?? []).map((r) => r.dynamodb?.Keys?.id?.S as string));
      if ((page.Records ?? []).length === 0) break;
      iterator = page.NextShardIterator;
    }
  }
  return ids;
};

const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as Error & { $metadata?: unknown; $fault?: string };
  }
  throw new Error('expected a rejection');
};

describe('InMemoryStreamsClient', () => {
  it('runs code written for DynamoDBStreamsClient unchanged', async () => {
    const { orders, client } = setup();
    for (const id of ['a', 'b', 'c', 'd', 'e']) orders.put({ id });
    expect(await readAll(client, orders.stream.streamArn)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('answers with the SDK output shapes, $metadata included, and the same records as the stream', async () => {
    const { orders, client } = setup();
    orders.put({ id: 'a' });
    const described = await client.send(
      new DescribeStreamCommand({ StreamArn: orders.stream.streamArn }),
    );
    expect(described.$metadata.httpStatusCode).toBe(200);
    expect(described.StreamDescription).toEqual(orders.stream.describeStream().StreamDescription);
    const shardId = orders.stream.openShardIds()[0];
    const iterator = await client.send(
      new GetShardIteratorCommand({
        StreamArn: orders.stream.streamArn,
        ShardId: shardId,
        ShardIteratorType: 'TRIM_HORIZON',
      }),
    );
    const page = await client.send(
      new GetRecordsCommand({ ShardIterator: iterator.ShardIterator }),
    );
    expect(page.Records).toEqual(orders.stream.records());
    expect(page.Records?.[0]?.dynamodb?.ApproximateCreationDateTime).toBeInstanceOf(Date);
    expect(typeof page.NextShardIterator).toBe('string');
  });

  it('lists the streams it serves, filtered by table and paged', async () => {
    const { orders, users, client } = setup();
    const all = await client.send(new ListStreamsCommand({}));
    expect(all.Streams).toEqual([
      {
        StreamArn: orders.stream.streamArn,
        TableName: 'orders',
        StreamLabel: orders.stream.streamLabel,
      },
      {
        StreamArn: users.stream.streamArn,
        TableName: 'users',
        StreamLabel: users.stream.streamLabel,
      },
    ]);
    const first = await client.send(new ListStreamsCommand({ Limit: 1 }));
    expect(first.LastEvaluatedStreamArn).toBe(orders.stream.streamArn);
    const second = await client.send(
      new ListStreamsCommand({ ExclusiveStartStreamArn: first.LastEvaluatedStreamArn }),
    );
    expect(second.Streams?.map((s) => s.TableName)).toEqual(['users']);
    expect(
      (await client.send(new ListStreamsCommand({ TableName: 'users' }))).Streams,
    ).toHaveLength(1);
  });

  it('rejects with the SDK exception classes', async () => {
    const { clock, orders, client } = setup();
    orders.put({ id: 'a' });
    const StreamArn = orders.stream.streamArn;
    const ShardId = orders.stream.openShardIds()[0];
    const unknown = await rejection(
      client.send(new DescribeStreamCommand({ StreamArn: `${StreamArn}-gone` })),
    );
    expect(unknown).toBeInstanceOf(ResourceNotFoundException);
    expect(unknown.name).toBe('ResourceNotFoundException');
    expect(unknown.$fault).toBe('client');
    expect(unknown.$metadata).toMatchObject({ httpStatusCode: 400 });
    const { ShardIterator } = await client.send(
      new GetShardIteratorCommand({ StreamArn, ShardId, ShardIteratorType: 'TRIM_HORIZON' }),
    );
    clock.advance(15 * 60_000);
    expect(await rejection(client.send(new GetRecordsCommand({ ShardIterator })))).toBeInstanceOf(
      ExpiredIteratorException,
    );
    const seq = orders.stream.records()[0]?.dynamodb.SequenceNumber;
    clock.advance(24 * 3_600_000);
    orders.put({ id: 'b' });
    expect(
      await rejection(
        client.send(
          new GetShardIteratorCommand({
            StreamArn,
            ShardId,
            ShardIteratorType: 'AT_SEQUENCE_NUMBER',
            SequenceNumber: seq,
          }),
        ),
      ),
    ).toBeInstanceOf(TrimmedDataAccessException);
    expect(
      (await rejection(client.send(new GetRecordsCommand({ ShardIterator: 'nonsense' })))).name,
    ).toBe('ValidationException');
  });

  it('supports the callback style of the SDK client', async () => {
    const { orders, client } = setup();
    const result = await new Promise<unknown>((resolve, reject) => {
      client.send(
        new DescribeStreamCommand({ StreamArn: orders.stream.streamArn }),
        (error: unknown, data?: unknown) => (error ? reject(error) : resolve(data)),
      );
    });
    expect(result).toMatchObject({ StreamDescription: { TableName: 'orders' } });
  });

  it('recognizes commands from another copy of the SDK by their operation', async () => {
    const { orders, client } = setup();
    class DescribeStreamCommandCopy {
      readonly schema = [9, 'com.amazonaws.dynamodbstreams', 'DescribeStream', 0];
      constructor(readonly input: { StreamArn: string }) {}
    }
    const send = client.send as unknown as (
      command: unknown,
    ) => Promise<{ StreamDescription?: { TableName?: string } }>;
    const out = await send(new DescribeStreamCommandCopy({ StreamArn: orders.stream.streamArn }));
    expect(out.StreamDescription?.TableName).toBe('orders');
  });
});
