// The production DynamoDB code of @sluice/projections, run unchanged on the in-process DynamoDB:
// the same contract suites its DynamoDB Local int tests run, with clients from InProcessDynamoDB.
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { InProcessDynamoDB } from '@sluice/offline';
import { createLeaseTable, dynamoDbLeaseTable } from '@sluice/projections/poller';
import { beforeAll } from 'vitest';
import { describeProjectionStoreContract } from '../../../projections/src/contract/testSupport/projectionStoreContract.js';
import type { StoreHarness } from '../../../projections/src/contract/testSupport/storeHarness.js';
import {
  createToyTables,
  faultyStoreHarness,
} from '../../../projections/src/dynamodb/testSupport/dynamoDbHarness.js';
import { describeLeaseTableContract } from '../../../projections/src/poller/testSupport/leaseTableContract.js';

/** Mirrors the DynamoDB Local harness of the store contract, on a fresh in-process DynamoDB. */
const inProcessHarness = async (): Promise<StoreHarness> => {
  const dynamodb = new InProcessDynamoDB().client();
  const documentClient = DynamoDBDocumentClient.from(dynamodb);
  return faultyStoreHarness({ dynamodb, documentClient }, await createToyTables(dynamodb));
};

describeProjectionStoreContract('in-process DynamoDB', inProcessHarness, {
  propertyRuns: 25,
  largeBatch: 400,
});

const leases = new InProcessDynamoDB().client();
beforeAll(() => createLeaseTable(leases, 'leases'));
describeLeaseTableContract('in-process DynamoDB', () =>
  dynamoDbLeaseTable({ client: leases, tableName: 'leases' }),
);
