import { performance } from 'node:perf_hooks';
import { CreateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { type WorkloadWrite, workloadWrites } from './workloadWrites.js';

/** The SDK clients of one DynamoDB (in process or DynamoDB Local). */
export interface WorkloadClients {
  readonly dynamodb: DynamoDBClient;
  readonly documentClient: DynamoDBDocumentClient;
  readonly streams: Pick<DynamoDBStreamsClient, 'send'>;
}

/** Where the time of one run went, in milliseconds, and how many stream records it read back. */
export interface SdkWorkloadRun {
  readonly createMs: number;
  readonly firstWriteMs: number;
  /** Every write, the first included. */
  readonly writesMs: number;
  readonly streamReadMs: number;
  readonly records: number;
}

const send = (client: DynamoDBDocumentClient, tableName: string, write: WorkloadWrite) => {
  switch (write._tag) {
    case 'Put':
      return client.send(new PutCommand({ TableName: tableName, Item: write.item }));
    case 'Update':
      return client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { id: write.id },
          UpdateExpression: 'SET #count = if_not_exists(#count, :zero) + :one, updatedAt = :at',
          ExpressionAttributeNames: { '#count': 'count' },
          ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':at': write.at },
        }),
      );
    case 'Delete':
      return client.send(new DeleteCommand({ TableName: tableName, Key: { id: write.id } }));
  }
};

const allShards = async (streams: WorkloadClients['streams'], streamArn: string) => {
  const shards: Shard[] = [];
  let start: string | undefined;
  do {
    const page = await streams.send(
      new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }),
    );
    shards.push(...(page.StreamDescription?.Shards ?? []));
    start = page.StreamDescription?.LastEvaluatedShardId;
  } while (start !== undefined);
  return shards;
};

/** Reads every shard of the stream from its start until a page comes back empty; returns the record count. */
export const readWholeStream = async (
  streams: WorkloadClients['streams'],
  streamArn: string,
): Promise<number> => {
  let records = 0;
  for (const shard of await allShards(streams, streamArn)) {
    let iterator = (
      await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      )
    ).ShardIterator;
    while (iterator !== undefined) {
      const page = await streams.send(
        new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }),
      );
      const got = page.Records?.length ?? 0;
      records += got;
      if (got === 0) break;
      iterator = page.NextShardIterator;
    }
  }
  return records;
};

/**
 * Issue 13's workload through the SDK: create a table with a NEW_AND_OLD_IMAGES stream, send
 * `writes` DocumentClient writes one after another (puts, updates with an expression, deletes;
 * see `workloadWrites`), then read the whole stream through the Streams client.
 */
export const runSdkWorkload = async (
  clients: WorkloadClients,
  options: { readonly tableName: string; readonly writes: number },
): Promise<SdkWorkloadRun> => {
  const { tableName } = options;
  const t0 = performance.now();
  const created = await clients.dynamodb.send(
    new CreateTableCommand({
      TableName: tableName,
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  const t1 = performance.now();
  const writes = workloadWrites(options.writes);
  await send(clients.documentClient, tableName, writes[0]!);
  const t2 = performance.now();
  for (let i = 1; i < writes.length; i++) await send(clients.documentClient, tableName, writes[i]!);
  const t3 = performance.now();
  const records = await readWholeStream(
    clients.streams,
    created.TableDescription!.LatestStreamArn!,
  );
  const t4 = performance.now();
  return {
    createMs: t1 - t0,
    firstWriteMs: t2 - t1,
    writesMs: t3 - t1,
    streamReadMs: t4 - t3,
    records,
  };
};
