import { UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import {
  type _Record,
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListStreamsCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ManualClock } from '@sluice/core';
import { describe, expect, it } from 'vitest';
import { InProcessDynamoDB } from './inProcessDynamoDB.js';
import { createOrdersTable } from './testSupport/tables.js';

/** Every record of every shard, read through the SDK's Streams client, parents first. */
const readAll = async (db: InProcessDynamoDB, streamArn: string): Promise<_Record[]> => {
  const streams = db.streamsClient();
  const { StreamDescription } = await streams.send(
    new DescribeStreamCommand({ StreamArn: streamArn }),
  );
  const records: _Record[] = [];
  for (const shard of StreamDescription?.Shards ?? []) {
    let iterator = (
      await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      )
    ).ShardIterator;
    while (iterator) {
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
      records.push(...(page.Records ?? []));
      if ((page.Records ?? []).length === 0) break;
      iterator = page.NextShardIterator;
    }
  }
  return records;
};

describe('DynamoDB Streams through the SDK', () => {
  it('serves exactly the records the table stream holds, over several shards', async () => {
    const clock = new ManualClock(new Date('2024-01-01T00:00:00Z'));
    const db = new InProcessDynamoDB({ clock, stream: { partitionCount: 4 } });
    await createOrdersTable(db);
    const doc = db.documentClient();
    for (let i = 0; i < 20; i++) {
      await doc.send(
        new PutCommand({
          TableName: 'orders',
          Item: { pk: `p${i}`, sk: 1, bin: new Uint8Array([i]) },
        }),
      );
      clock.advance(700);
      await doc.send(
        new UpdateCommand({
          TableName: 'orders',
          Key: { pk: `p${i}`, sk: 1 },
          UpdateExpression: 'SET n = :n',
          ExpressionAttributeValues: { ':n': i },
        }),
      );
      if (i % 3 === 0)
        await doc.send(new DeleteCommand({ TableName: 'orders', Key: { pk: `p${i}`, sk: 1 } }));
    }
    const stream = db.table('orders').stream;
    const { Streams } = await db.streamsClient().send(new ListStreamsCommand({}));
    expect(Streams).toEqual([
      { StreamArn: stream.streamArn, TableName: 'orders', StreamLabel: stream.streamLabel },
    ]);
    const viaSdk = await readAll(db, stream.streamArn);
    const byId = (a: _Record, b: _Record) => ((a.eventID ?? '') < (b.eventID ?? '') ? -1 : 1);
    expect(viaSdk.sort(byId)).toEqual(
      stream
        .records()
        .map((r) => ({ ...r }))
        .sort(byId),
    );
    expect(viaSdk).toHaveLength(47);
  });

  it('TTL removals reach the SDK with the DynamoDB service identity', async () => {
    const clock = new ManualClock(new Date('2024-01-01T00:00:00Z'));
    const db = new InProcessDynamoDB({ clock });
    await createOrdersTable(db);
    const table = db.table('orders');
    await db.client().send(
      new UpdateTimeToLiveCommand({
        TableName: 'orders',
        TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' },
      }),
    );
    await db.documentClient().send(
      new PutCommand({
        TableName: 'orders',
        Item: { pk: 'a', sk: 1, expiresAt: clock.now() / 1000 + 60 },
      }),
    );
    expect(db.sweepTtl()).toBe(0);
    clock.advance(61_000);
    expect(db.sweepTtl()).toBe(1);
    const records = await readAll(db, table.stream.streamArn);
    expect(records.map((r) => [r.eventName, r.userIdentity])).toEqual([
      ['INSERT', undefined],
      ['REMOVE', { Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' }],
    ]);
  });
});
