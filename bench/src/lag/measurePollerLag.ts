import {
  CreateTableCommand,
  DeleteTableCommand,
  type DynamoDBClient,
  PutItemCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { InMemoryDeadLetters, orderHistory } from '@sluice/projections';
import {
  createProjectionTables,
  dynamoDbProjectionStore,
  tableSpec,
} from '@sluice/projections/dynamodb';
import {
  createLeaseTable,
  dynamoDbLeaseTable,
  projectionProcessor,
  streamPoller,
} from '@sluice/projections/poller';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { percentile } from './percentile.js';

/** How to measure: where, how fast, how long, and the poller settings that shape the lag. */
export interface PollerLagOptions {
  /** Clients of a DynamoDB where tables may be created and deleted (DynamoDB Local). */
  readonly dynamodb: DynamoDBClient;
  readonly streams: Pick<DynamoDBStreamsClient, 'send'>;
  /** Steady write rate (default 50 writes/s). */
  readonly writesPerSecond?: number;
  /** Writes measured (default 500). */
  readonly writes?: number;
  /** The poller's pause after an empty read (default 1000 ms, the poller's own default). */
  readonly idleDelayMs?: number;
  /** Give up waiting for the projection after this long (default 60 s). */
  readonly timeoutMs?: number;
}

/** Write-to-projected latency of a stream poller running an order-history projection. */
export interface PollerLag {
  readonly samples: number;
  readonly writesPerSecond: number;
  readonly idleDelayMs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly meanMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type LagTables = { readonly source: string; readonly leases: string; readonly history: string };

// The source table with its stream, the lease table and the history table; the stream's ARN.
const createLagTables = async (dynamodb: DynamoDBClient, tables: LagTables): Promise<string> => {
  const created = await dynamodb.send(
    new CreateTableCommand({
      TableName: tables.source,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  await waitUntilTableExists(
    { client: dynamodb, maxWaitTime: 60, minDelay: 1 },
    { TableName: tables.source },
  );
  await createLeaseTable(dynamodb, tables.leases);
  const history = await createProjectionTables(dynamodb, [
    tableSpec(tables.history, 'entityId', 'change'),
  ]);
  if (E.isLeft(history)) throw new Error(history.left.message);
  const streamArn = created.TableDescription?.LatestStreamArn;
  if (streamArn === undefined) throw new Error(`table ${tables.source} has no stream`);
  return streamArn;
};

// A poller projecting order history, noting when each source item's row is confirmed.
const lagPoller = (
  options: PollerLagOptions,
  tables: LagTables,
  streamArn: string,
  projectedAt: Map<string, number>,
) => {
  const { dynamodb, streams } = options;
  const project = projectionProcessor({
    projections: [
      orderHistory({
        name: 'orderHistory',
        table: 'history',
        item: t.unknown,
        viewType: 'NEW_AND_OLD_IMAGES',
        entityId: (event) => String((event.keys as { id: unknown }).id),
      }),
    ],
    store: dynamoDbProjectionStore({
      client: DynamoDBDocumentClient.from(dynamodb),
      tableName: () => tables.history,
    }),
    deadLetters: new InMemoryDeadLetters(),
  });
  return streamPoller({
    streams,
    streamArn,
    leaseTable: dynamoDbLeaseTable({ client: dynamodb, tableName: tables.leases }),
    idleDelayMs: options.idleDelayMs ?? 1000,
    processor: async (records, shard) => {
      const outcome = await project(records, shard);
      const now = Date.now();
      for (const record of records.slice(0, outcome.processed)) {
        const id = record.dynamodb?.Keys?.id?.S;
        if (id !== undefined && !projectedAt.has(id)) projectedAt.set(id, now);
      }
      return outcome;
    },
  });
};

// After a warm-up write, writes at a steady rate and waits until every write is projected.
const writeSteadily = async (
  put: (id: string) => Promise<unknown>,
  options: {
    readonly writes: number;
    readonly writesPerSecond: number;
    readonly timeoutMs: number;
  },
  ackedAt: Map<string, number>,
  projectedAt: ReadonlyMap<string, number>,
): Promise<void> => {
  // Warm up: the lease is taken and the first record projected before measuring starts.
  await put('warm-up');
  const deadline = Date.now() + options.timeoutMs;
  while (!projectedAt.has('warm-up')) {
    if (Date.now() > deadline) throw new Error('the poller did not start within the timeout');
    await sleep(20);
  }
  const interval = 1000 / options.writesPerSecond;
  const start = Date.now();
  const inFlight: Promise<unknown>[] = [];
  for (let i = 0; i < options.writes; i++) {
    const due = start + i * interval;
    if (due > Date.now()) await sleep(due - Date.now());
    const id = `w${i}`;
    inFlight.push(put(id).then(() => ackedAt.set(id, Date.now())));
  }
  await Promise.all(inFlight);
  while ([...ackedAt.keys()].some((id) => !projectedAt.has(id))) {
    if (Date.now() > deadline + options.writes * interval)
      throw new Error('not every write was projected within the timeout');
    await sleep(20);
  }
};

/**
 * Measures how long after a write is acknowledged its projection row exists: creates a source
 * table with a stream, a lease table and a history table (all deleted afterwards), runs an
 * in-process stream poller with an order-history projection on a DynamoDB store, writes at a
 * steady rate, and times each record from PutItem's response to the store confirming its row.
 */
export const measurePollerLag = async (options: PollerLagOptions): Promise<PollerLag> => {
  const { dynamodb } = options;
  const writesPerSecond = options.writesPerSecond ?? 50;
  const writes = options.writes ?? 500;
  const idleDelayMs = options.idleDelayMs ?? 1000;
  const run = `sluice-lag-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const tables = { source: `${run}-source`, leases: `${run}-leases`, history: `${run}-history` };
  try {
    const streamArn = await createLagTables(dynamodb, tables);
    const ackedAt = new Map<string, number>();
    const projectedAt = new Map<string, number>();
    const poller = lagPoller(options, tables, streamArn, projectedAt);
    const running = poller.run();
    const put = (id: string) =>
      dynamodb.send(new PutItemCommand({ TableName: tables.source, Item: { id: { S: id } } }));
    try {
      const timeoutMs = options.timeoutMs ?? 60_000;
      await writeSteadily(put, { writes, writesPerSecond, timeoutMs }, ackedAt, projectedAt);
    } finally {
      await poller.stop();
      await running;
    }
    const lags = [...ackedAt].map(([id, acked]) => (projectedAt.get(id) as number) - acked);
    return {
      samples: lags.length,
      writesPerSecond,
      idleDelayMs,
      p50Ms: percentile(lags, 50),
      p99Ms: percentile(lags, 99),
      maxMs: Math.max(...lags),
      meanMs: lags.reduce((sum, lag) => sum + lag, 0) / lags.length,
    };
  } finally {
    for (const TableName of Object.values(tables))
      await dynamodb.send(new DeleteTableCommand({ TableName })).catch(() => undefined);
  }
};
