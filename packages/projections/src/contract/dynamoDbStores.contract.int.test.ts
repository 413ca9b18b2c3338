import * as E from 'fp-ts/lib/Either.js';
import { afterAll } from 'vitest';
import { dynamoDbCheckpointStore } from '../dynamodb/checkpoint/dynamoDbCheckpointStore.js';
import { checkpointTableSpec } from '../dynamodb/tables/checkpointTableSpec.js';
import { createProjectionTables } from '../dynamodb/tables/createProjectionTables.js';
import { dynamoDbHarness, ownClients } from '../dynamodb/testSupport/dynamoDbHarness.js';
import { uniquePrefix } from '../dynamodb/testSupport/localDynamoDb.js';
import { describeCheckpointStoreContract } from './testSupport/checkpointStoreContract.js';
import { describeProjectionStoreContract } from './testSupport/projectionStoreContract.js';

describeProjectionStoreContract('DynamoDB Local', dynamoDbHarness, {
  propertyRuns: 25,
  largeBatch: 400,
});

const { dynamodb, documentClient } = ownClients();
afterAll(() => dynamodb.destroy());

describeCheckpointStoreContract('DynamoDB Local', async () => {
  const tableName = uniquePrefix('checkpoints');
  const created = await createProjectionTables(dynamodb, [checkpointTableSpec(tableName)]);
  if (E.isLeft(created)) throw new Error(created.left.message);
  return dynamoDbCheckpointStore({ client: documentClient, tableName });
});
