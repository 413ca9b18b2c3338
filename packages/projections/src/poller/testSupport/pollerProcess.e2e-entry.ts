// A poller as its own process, for the kill/restart tests: `node --import tsx pollerProcess.e2e-entry.ts`.
// Configured by environment variables; prints one JSON line per notable event on stdout.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { InMemoryDeadLetters } from '../../deadLetter/inMemoryDeadLetters.js';
import { dynamoDbProjectionStore } from '../../dynamodb/store/dynamoDbProjectionStore.js';
import { taskProjections } from '../../testSupport/taskHistory.js';
import { dynamoDbLeaseTable } from '../lease/dynamoDbLeaseTable.js';
import { env, localClientConfig, runPollerProcess } from './pollerProcessProtocol.js';

const config = localClientConfig();
const dynamodb = new DynamoDBClient(config);
const prefix = env('E2E_TABLE_PREFIX');

await runPollerProcess({
  streams: new DynamoDBStreamsClient(config),
  streamArn: env('E2E_STREAM_ARN'),
  leaseTable: dynamoDbLeaseTable({ client: dynamodb, tableName: env('E2E_LEASE_TABLE') }),
  workerId: env('E2E_WORKER_ID'),
  projections: taskProjections(),
  store: dynamoDbProjectionStore({
    client: DynamoDBDocumentClient.from(dynamodb),
    tableName: (table) => `${prefix}${table}`,
  }),
  deadLetters: new InMemoryDeadLetters(),
  startingPosition: process.env.E2E_STARTING_POSITION === 'LATEST' ? 'LATEST' : 'TRIM_HORIZON',
  leaseDurationMs: 2_000,
  idleDelayMs: 100,
  batchSize: 200,
});
