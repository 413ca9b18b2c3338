import * as E from 'fp-ts/lib/Either.js';
import { afterAll } from 'vitest';
import { createProjectionTables } from '../dynamodb/tables/createProjectionTables.js';
import { ownClients } from '../dynamodb/testSupport/dynamoDbHarness.js';
import { uniquePrefix } from '../dynamodb/testSupport/localDynamoDb.js';
import { dynamoDbIdempotencyStore, idempotencyTableSpec } from './dynamoDbIdempotencyStore.js';
import { describeIdempotencyStoreContract } from './testSupport/idempotencyStoreContract.js';

const { dynamodb, documentClient } = ownClients();
afterAll(() => dynamodb.destroy());

describeIdempotencyStoreContract('DynamoDB Local', async () => {
  const tableName = `${uniquePrefix('idempotency')}.effects`;
  const created = await createProjectionTables(dynamodb, [idempotencyTableSpec(tableName)]);
  if (E.isLeft(created)) throw new Error(created.left.message);
  return dynamoDbIdempotencyStore({ client: documentClient, tableName });
});
