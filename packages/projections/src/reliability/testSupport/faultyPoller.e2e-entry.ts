// A poller as its own process whose DynamoDB client fails on purpose: throttling, unprocessed
// items, transaction conflicts, requests that crash before or after they land. Poison records and
// refused writes go to a DynamoDB dead-letter table. Same protocol as pollerProcess.e2e-entry.ts.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoDbDeadLetters } from '../../deadLetter/dynamoDbDeadLetters.js';
import { dynamoDbProjectionStore } from '../../dynamodb/store/dynamoDbProjectionStore.js';
import { injectFaults, type RequestFault } from '../../dynamodb/testSupport/injectFaults.js';
import { dynamoDbLeaseTable } from '../../poller/lease/dynamoDbLeaseTable.js';
import {
  env,
  localClientConfig,
  runPollerProcess,
} from '../../poller/testSupport/pollerProcessProtocol.js';
import { seeded } from '../../poller/testSupport/taskTables.js';
import { taskProjections } from '../../testSupport/taskHistory.js';

const config = localClientConfig();
const dynamodb = new DynamoDBClient(config);
const document = DynamoDBDocumentClient.from(new DynamoDBClient(config));
const prefix = env('E2E_TABLE_PREFIX');
const random = seeded(Number(env('E2E_FAULT_SEED')));
const rate = Number(env('E2E_FAULT_RATE'));
const FAULTS: readonly RequestFault[] = [
  { kind: 'throttle' },
  { kind: 'unprocessed', keep: 1 },
  { kind: 'conflict' },
  { kind: 'failBeforeSending' },
  { kind: 'loseResponse' },
];
injectFaults(document, () =>
  random() < rate ? FAULTS[Math.floor(random() * FAULTS.length)] : undefined,
);

await runPollerProcess({
  streams: new DynamoDBStreamsClient(config),
  streamArn: env('E2E_STREAM_ARN'),
  leaseTable: dynamoDbLeaseTable({ client: dynamodb, tableName: env('E2E_LEASE_TABLE') }),
  workerId: env('E2E_WORKER_ID'),
  projections: taskProjections(),
  store: dynamoDbProjectionStore({
    client: document,
    tableName: (table) => `${prefix}${table}`,
    retryPolicy: { baseDelayMs: 5, maxDelayMs: 50 },
  }),
  deadLetters: dynamoDbDeadLetters({
    client: document,
    tableName: env('E2E_DEAD_LETTER_TABLE'),
    retryPolicy: { baseDelayMs: 5, maxDelayMs: 50 },
  }),
  leaseDurationMs: 2_000,
  idleDelayMs: 100,
  batchSize: 100,
});
