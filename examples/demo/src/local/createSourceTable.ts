import {
  CreateTableCommand,
  type DynamoDBClient,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import type { StreamViewType } from '@sluice/core';
import type { TableSpec } from '@sluice/projections/dynamodb';

/** A source table as the demo declares it. */
export interface SourceTableSpec extends TableSpec {
  readonly streamViewType: StreamViewType;
}

/** Creates a source table with its stream (what the example's template declares) and returns the stream ARN. */
export const createSourceTable = async (
  client: DynamoDBClient,
  table: SourceTableSpec,
): Promise<string> => {
  const keys =
    table.sortKey === undefined ? [table.partitionKey] : [table.partitionKey, table.sortKey];
  const created = await client.send(
    new CreateTableCommand({
      TableName: table.tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keys.map((key) => ({
        AttributeName: key.name,
        AttributeType: key.type,
      })),
      KeySchema: keys.map((key, i) => ({
        AttributeName: key.name,
        KeyType: i === 0 ? 'HASH' : 'RANGE',
      })),
      StreamSpecification: { StreamEnabled: true, StreamViewType: table.streamViewType },
    }),
  );
  await waitUntilTableExists(
    { client, maxWaitTime: 60, minDelay: 1 },
    { TableName: table.tableName },
  );
  const streamArn = created.TableDescription?.LatestStreamArn;
  if (streamArn === undefined)
    throw new Error(`table ${table.tableName} was created without a stream`);
  return streamArn;
};
