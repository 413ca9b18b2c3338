import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as E from 'fp-ts/lib/Either.js';
import type { StoreHarness } from '../../contract/testSupport/storeHarness.js';
import { TOY_TABLES } from '../../contract/testSupport/toySource.js';
import type { RetryPolicy } from '../../retry/retryPolicy.js';
import { dynamoDbProjectionStore } from '../store/dynamoDbProjectionStore.js';
import { createProjectionTables } from '../tables/createProjectionTables.js';
import { markerTableSpec, tableSpec, tombstoneTableSpec } from '../tables/tableSpec.js';
import { injectFaults, type RequestFault } from './injectFaults.js';
import { connectLocal, uniquePrefix } from './localDynamoDb.js';

/** Retries without waiting: the faults are injected, there is no real load to back off from. */
export const instantRetries: Partial<RetryPolicy> = { sleep: async () => {}, random: () => 0.5 };

/** A client of its own on the run's DynamoDB Local, so middlewares stay per test. */
export const ownClients = () => {
  const { endpoint, region, credentials } = connectLocal();
  const dynamodb = new DynamoDBClient({ endpoint, region, credentials });
  return { dynamodb, documentClient: DynamoDBDocumentClient.from(dynamodb) };
};

/** Creates the contract's toy tables under a unique prefix; returns the logical → physical mapping. */
export const createToyTables = async (client: DynamoDBClient) => {
  const prefix = uniquePrefix('contract');
  const physical = (table: string) => `${prefix}.${table}`;
  const created = await createProjectionTables(client, [
    tableSpec(physical(TOY_TABLES.history), 'entityId', 'change'),
    tableSpec(physical(TOY_TABLES.counts), 'list'),
    markerTableSpec(physical(TOY_TABLES.markers)),
    tableSpec(physical(TOY_TABLES.archive), 'id'),
    tableSpec(physical(TOY_TABLES.replica), 'id'),
    tombstoneTableSpec(physical(TOY_TABLES.tombstones)),
  ]);
  if (E.isLeft(created)) throw new Error(created.left.message);
  return physical;
};

/**
 * The contract harness for `dynamoDbProjectionStore` on the given clients and tables, with
 * request-level faults: each DynamoDB (Local or in-process) harness differs only in these.
 */
export const faultyStoreHarness = (
  { dynamodb, documentClient }: ReturnType<typeof ownClients>,
  tableName: (table: string) => string,
): StoreHarness => {
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

/** The contract harness for `dynamoDbProjectionStore` on DynamoDB Local, with request-level faults. */
export const dynamoDbHarness = async (): Promise<StoreHarness> => {
  const clients = ownClients();
  return faultyStoreHarness(clients, await createToyTables(clients.dynamodb));
};
