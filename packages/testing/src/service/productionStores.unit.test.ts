// The production DynamoDB code of @sluice/projections, run unchanged on the in-process DynamoDB:
// the same contract suites its DynamoDB Local int tests run, with clients from InProcessDynamoDB.
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoDbProjectionStore } from '@sluice/projections/dynamodb';
import { createLeaseTable, dynamoDbLeaseTable } from '@sluice/projections/poller';
import { beforeAll } from 'vitest';
import { describeProjectionStoreContract } from '../../../projections/src/contract/testSupport/projectionStoreContract.js';
import type { StoreHarness } from '../../../projections/src/contract/testSupport/storeHarness.js';
import {
  createToyTables,
  instantRetries,
} from '../../../projections/src/dynamodb/testSupport/dynamoDbHarness.js';
import {
  injectFaults,
  type RequestFault,
} from '../../../projections/src/dynamodb/testSupport/injectFaults.js';
import { describeLeaseTableContract } from '../../../projections/src/poller/testSupport/leaseTableContract.js';
import { InProcessDynamoDB } from './inProcessDynamoDB.js';

/** Mirrors the DynamoDB Local harness of the store contract, on a fresh in-process DynamoDB. */
const inProcessHarness = async (): Promise<StoreHarness> => {
  const dynamodb = new InProcessDynamoDB().client();
  const documentClient = DynamoDBDocumentClient.from(dynamodb);
  const tableName = await createToyTables(dynamodb);
  let armed: { at: number; fault: RequestFault } | undefined;
  const injector = injectFaults(documentClient, ({ index }) => {
    if (armed === undefined || index !== armed.at) return undefined;
    const { fault } = armed;
    armed = undefined;
    return fault;
  });
  return {
    store: dynamoDbProjectionStore({
      client: documentClient,
      tableName,
      retryPolicy: instantRetries,
    }),
    faultKinds: ['failBeforeSending', 'loseResponse'],
    armFault: (after, kind) => {
      armed = { at: injector.requests() + after, fault: { kind } as RequestFault };
    },
    requests: injector.requests,
    dispose: () => dynamodb.destroy(),
  };
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
