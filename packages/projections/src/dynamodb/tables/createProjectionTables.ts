import {
  type AttributeDefinition,
  CreateTableCommand,
  type DynamoDBClient,
  type KeySchemaElement,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import * as E from 'fp-ts/lib/Either.js';
import { type DynamoDbError, requestFailed } from '../../retry/dynamoDbError.js';
import type { TableSpec } from './tableSpec.js';

/** Options of `createProjectionTables`. */
export interface CreateTablesOptions {
  /** How long to wait for each table to become ACTIVE (default 120 s). */
  readonly maxWaitSeconds?: number;
}

const createOne = async (
  client: DynamoDBClient,
  spec: TableSpec,
  maxWaitTime: number,
): Promise<E.Either<DynamoDbError, void>> => {
  const keys = spec.sortKey ? [spec.partitionKey, spec.sortKey] : [spec.partitionKey];
  const KeySchema: KeySchemaElement[] = keys.map((key, i) => ({
    AttributeName: key.name,
    KeyType: i === 0 ? 'HASH' : 'RANGE',
  }));
  const AttributeDefinitions: AttributeDefinition[] = keys.map((key) => ({
    AttributeName: key.name,
    AttributeType: key.type,
  }));
  try {
    await client.send(
      new CreateTableCommand({
        TableName: spec.tableName,
        KeySchema,
        AttributeDefinitions,
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
  } catch (error) {
    // Already there (a second run of an example): fine, provided it becomes ACTIVE.
    if ((error as { name?: unknown }).name !== 'ResourceInUseException')
      return E.left(requestFailed('CreateTable', spec.tableName, error));
  }
  try {
    await waitUntilTableExists(
      { client, maxWaitTime, minDelay: 1, maxDelay: 5 },
      { TableName: spec.tableName },
    );
  } catch (error) {
    return E.left(requestFailed('DescribeTable', spec.tableName, error));
  }
  return spec.timeToLiveAttribute === undefined
    ? E.right(undefined)
    : enableTimeToLive(client, spec.tableName, spec.timeToLiveAttribute);
};

const enableTimeToLive = async (
  client: DynamoDBClient,
  tableName: string,
  attribute: string,
): Promise<E.Either<DynamoDbError, void>> => {
  try {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: attribute, Enabled: true },
      }),
    );
    return E.right(undefined);
  } catch (error) {
    // A second run finds TTL on already: DynamoDB refuses to enable it twice.
    if (/already enabled/i.test(String((error as { message?: unknown }).message)))
      return E.right(undefined);
    return E.left(requestFailed('UpdateTimeToLive', tableName, error));
  }
};

/**
 * Creates the given tables (on-demand billing), waits until each is ACTIVE and turns on the TTL a
 * spec names; existing tables are left as they are. For tests, examples and bootstrap scripts: the stores never create
 * tables themselves, so production tables stay under the user's infrastructure code.
 */
export const createProjectionTables = async (
  client: DynamoDBClient,
  specs: readonly TableSpec[],
  options: CreateTablesOptions = {},
): Promise<E.Either<DynamoDbError, void>> => {
  const results = await Promise.all(
    specs.map((spec) => createOne(client, spec, options.maxWaitSeconds ?? 120)),
  );
  return results.find(E.isLeft) ?? E.right(undefined);
};
