// A poller as its own process, for the kill/restart tests: `node --import tsx pollerProcess.e2e-entry.ts`.
// Configured by environment variables; prints one JSON line per notable event on stdout.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { InMemoryDeadLetters } from '../../deadLetter/inMemoryDeadLetters.js';
import { dynamoDbProjectionStore } from '../../dynamodb/store/dynamoDbProjectionStore.js';
import { taskProjections } from '../../testSupport/taskHistory.js';
import { installSignalHandlers } from '../installSignalHandlers.js';
import { dynamoDbLeaseTable } from '../lease/dynamoDbLeaseTable.js';
import { projectionPoller } from '../projectionPoller.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
};

const config = {
  endpoint: env('E2E_ENDPOINT'),
  region: 'local',
  credentials: { accessKeyId: 'sluice', secretAccessKey: 'sluice' },
};
const dynamodb = new DynamoDBClient(config);
const prefix = env('E2E_TABLE_PREFIX');

const poller = projectionPoller({
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
  onEvent: (event) => {
    if (event._tag !== 'BatchProcessed') process.stdout.write(`${JSON.stringify(event)}\n`);
  },
});

installSignalHandlers(poller, {
  onStopped: () => {
    process.stdout.write(`${JSON.stringify({ _tag: 'Stopped' })}\n`);
  },
});
process.stdout.write(`${JSON.stringify({ _tag: 'Started', pid: process.pid })}\n`);
const result = await poller.run();
if (result._tag === 'Left') {
  process.stdout.write(`${JSON.stringify({ _tag: 'Failed', failure: result.left })}\n`);
  process.exit(1);
}
