import {
  CreateTableCommand,
  type DynamoDBClient,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';

/** The lease table's key schema, for templates: partition key `streamArn`, sort key `shardId`, both strings. */
export const leaseTableKeySchema = {
  AttributeDefinitions: [
    { AttributeName: 'streamArn', AttributeType: 'S' },
    { AttributeName: 'shardId', AttributeType: 'S' },
  ],
  KeySchema: [
    { AttributeName: 'streamArn', KeyType: 'HASH' },
    { AttributeName: 'shardId', KeyType: 'RANGE' },
  ],
} as const;

/**
 * Creates a lease table (on-demand billing) and waits until it is active: for tests, examples
 * and local development. A poller never creates it implicitly; in production declare it in your
 * template with partition key `streamArn` (S) and sort key `shardId` (S).
 */
export const createLeaseTable = async (
  client: DynamoDBClient,
  tableName: string,
): Promise<void> => {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...leaseTableKeySchema.AttributeDefinitions],
      KeySchema: [...leaseTableKeySchema.KeySchema],
    }),
  );
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1 }, { TableName: tableName });
};
