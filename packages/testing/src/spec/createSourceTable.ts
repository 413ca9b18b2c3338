import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { StreamViewType } from '@sluice/core';
import type { StreamConnection, TableKeyAttribute } from '@sluice/offline';

/** A source table with a stream, on whichever DynamoDB the clients talk to. */
export interface SourceTableInput {
  /** Clients of `InProcessDynamoDB` (`client()`, `streamsClient()`) or of DynamoDB Local. */
  readonly dynamodb: DynamoDBClient;
  readonly streams: DynamoDBStreamsClient;
  readonly tableName: string;
  readonly partitionKey: TableKeyAttribute;
  readonly sortKey?: TableKeyAttribute;
  readonly streamViewType: StreamViewType;
  /** Turns TTL on for this attribute (epoch seconds). */
  readonly timeToLiveAttribute?: string;
}

/**
 * Creates a table with its stream through the SDK and answers the connection `given()` and
 * `deliverStream` read it by: the same test then runs on `InProcessDynamoDB` in milliseconds and
 * on DynamoDB Local as the reference, with your application writing through its own clients.
 */
export const createSourceTable = async (input: SourceTableInput): Promise<StreamConnection> => {
  const keys =
    input.sortKey === undefined ? [input.partitionKey] : [input.partitionKey, input.sortKey];
  const created = await input.dynamodb.send(
    new CreateTableCommand({
      TableName: input.tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keys.map((key) => ({
        AttributeName: key.name,
        AttributeType: key.type,
      })),
      KeySchema: keys.map((key, i) => ({
        AttributeName: key.name,
        KeyType: i === 0 ? 'HASH' : 'RANGE',
      })),
      StreamSpecification: { StreamEnabled: true, StreamViewType: input.streamViewType },
    }),
  );
  await untilActive(input.dynamodb, input.tableName);
  if (input.timeToLiveAttribute !== undefined)
    await input.dynamodb.send(
      new UpdateTimeToLiveCommand({
        TableName: input.tableName,
        TimeToLiveSpecification: { Enabled: true, AttributeName: input.timeToLiveAttribute },
      }),
    );
  const streamArn = created.TableDescription?.LatestStreamArn;
  if (streamArn === undefined)
    throw new Error(`CreateTable ${input.tableName} answered without a LatestStreamArn`);
  return { client: input.streams, streamArn };
};

// DynamoDB Local and the in-process DynamoDB are ACTIVE at once; AWS takes seconds.
const untilActive = async (dynamodb: DynamoDBClient, TableName: string): Promise<void> => {
  for (let attempt = 0; attempt < 120; attempt++) {
    const described = await dynamodb.send(new DescribeTableCommand({ TableName }));
    if (described.Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`table ${TableName} did not become ACTIVE within 30 s`);
};
