import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { orderHistoryOf } from '@sluice/example-orders';
import { InMemoryDeadLetters, type ProjectionStore, type Row } from '@sluice/projections';
import {
  countRequests,
  createProjectionTables,
  dynamoDbProjectionStore,
} from '@sluice/projections/dynamodb';
import {
  createLeaseTable,
  dynamoDbLeaseTable,
  projectionPoller,
  type StreamPoller,
} from '@sluice/projections/poller';
import { type DynamoDBLocal, readDynamoDBLocalStream, startDynamoDBLocal } from '@sluice/testing';
import * as E from 'fp-ts/lib/Either.js';
import type { DemoOptions } from '../cli/demoOptions.js';
import type { Output, Progress } from '../report/progress.js';
import { demoExamples, demoSources } from '../run/demoExamples.js';
import { type DeliveryStats, type DemoRun, emptyDeliveryStats } from '../run/demoRun.js';
import type { SourceName } from '../workload/operation.js';
import { Workload } from '../workload/workload.js';
import { createSourceTable } from './createSourceTable.js';
import { OrderedWriter } from './orderedWriter.js';
import { itemsOf, writeOperation } from './writeOperation.js';

const CONCURRENT_WRITES = 16;
const CATCH_UP_TIMEOUT_MS = 120_000;

const lastSequenceNumber = (records: readonly { dynamodb?: { SequenceNumber?: string } }[]) =>
  BigInt(records.at(-1)?.dynamodb?.SequenceNumber ?? '0');

const unwrap = <A>(result: E.Either<{ message: string }, A>): A => {
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

interface Deployment {
  readonly example: (typeof demoExamples)[number];
  readonly poller: StreamPoller;
  readonly running: Promise<E.Either<{ message: string }, void>>;
  readonly deadLetters: InMemoryDeadLetters;
}

// One stream poller per example, each with a lease table of its own, all on the one store.
const deployPollers = (
  local: DynamoDBLocal,
  streamArns: Record<SourceName, string>,
  store: ProjectionStore,
  delivery: DeliveryStats,
  checkpoints: Map<string, bigint>,
): Promise<Deployment[]> =>
  Promise.all(
    demoExamples.map(async (example) => {
      const { dynamodb, streams } = local.clients;
      const leaseTable = `${example.name}Leases`;
      await createLeaseTable(dynamodb, leaseTable);
      const deadLetters = new InMemoryDeadLetters();
      const poller = projectionPoller({
        streams,
        streamArn: streamArns[example.source],
        leaseTable: dynamoDbLeaseTable({ client: dynamodb, tableName: leaseTable }),
        workerId: `demo-${example.name}`,
        projections: example.projections,
        store,
        deadLetters,
        idleDelayMs: 200,
        onBatch: (result) => {
          delivery.invocations++;
          delivery.recordsDelivered += result.processed;
          if (result._tag === 'BatchFailed') delivery.retries++;
        },
        onEvent: (event) => {
          if (event._tag === 'BatchProcessed')
            checkpoints.set(example.name, BigInt(event.checkpoint));
        },
      });
      return { example, poller, running: poller.run(), deadLetters };
    }),
  );

// Writes the workload through the SDK, a few writes in flight, each item's writes in order.
const writeWorkload = async (
  local: DynamoDBLocal,
  workload: Workload,
  progress: Progress,
  delivery: DeliveryStats,
): Promise<void> => {
  const writer = new OrderedWriter(CONCURRENT_WRITES);
  let reported = 0;
  for (const operation of workload.operations()) {
    await writer.add(itemsOf(operation), () =>
      writeOperation(local.clients.documentClient, operation),
    );
    if (workload.done - reported < 200) continue;
    reported = workload.done;
    progress.update(
      (workload.done / workload.total) * 0.9,
      `writing; ${delivery.recordsDelivered.toLocaleString('en-US')} records polled`,
    );
  }
  await writer.flush();
};

// Waits until every poller has checkpointed the last record of its source's stream.
const waitForCatchUp = async (
  deployments: readonly Deployment[],
  records: Record<SourceName, readonly { dynamodb?: { SequenceNumber?: string } }[]>,
  checkpoints: ReadonlyMap<string, bigint>,
  progress: Progress,
  delivery: DeliveryStats,
): Promise<void> => {
  const deadline = Date.now() + CATCH_UP_TIMEOUT_MS;
  const behind = () =>
    deployments.filter(
      ({ example }) =>
        (checkpoints.get(example.name) ?? -1n) < lastSequenceNumber(records[example.source]),
    );
  while (behind().length > 0) {
    if (Date.now() > deadline)
      throw new Error(
        `the pollers of ${behind()
          .map((d) => d.example.name)
          .join(', ')} did not catch up ` + `within ${CATCH_UP_TIMEOUT_MS / 1000} s`,
      );
    progress.update(0.95, `${delivery.recordsDelivered.toLocaleString('en-US')} records polled`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

// Every projection table, as the store scans it.
const projectionTables = async (
  store: ProjectionStore,
): Promise<Record<string, readonly Row[]>> => {
  const tables: Record<string, readonly Row[]> = {};
  for (const example of demoExamples)
    for (const table of example.tables) tables[table.tableName] = await store.scan(table.tableName);
  return tables;
};

// Stops every poller, each after the batch in hand; a poller that failed fails the run.
const stopPollers = async (deployments: readonly Deployment[]): Promise<void> => {
  for (const { poller, running } of deployments) {
    await poller.stop();
    unwrap(await running);
  }
};

// Each source's stream records and the items its table holds at the end.
const sourcesAfter = async (
  documentClient: DynamoDBDocumentClient,
  records: Record<SourceName, DemoRun['sources'][SourceName]['records']>,
): Promise<DemoRun['sources']> => {
  const scanAll = async (table: SourceName) => {
    const rows = await dynamoDbProjectionStore({ client: documentClient }).scan(table);
    return rows as readonly Record<string, unknown>[];
  };
  return {
    orders: { records: records.orders, items: await scanAll('orders') },
    todoListTask: { records: records.todoListTask, items: await scanAll('todoListTask') },
  };
};

/**
 * The demo on DynamoDB Local: the source tables and their streams, the projection tables and one
 * stream poller per example (leases and checkpoints in a lease table each), writing to DynamoDB
 * through the DynamoDB store, exactly as a container would run them against AWS.
 */
export const runOnDynamoDBLocal = async (
  options: DemoOptions,
  progress: Progress,
  out: Output,
): Promise<DemoRun> => {
  out.write('starting DynamoDB Local (Java)…\n');
  const local = await startDynamoDBLocal();
  const config = { endpoint: local.endpoint, region: local.region, credentials: local.credentials };
  // The store gets its own client, so that its requests alone are counted.
  const storeClient = DynamoDBDocumentClient.from(new DynamoDBClient(config));
  const requests = countRequests(storeClient);
  const pollers: StreamPoller[] = [];
  const close = async () => {
    for (const poller of pollers) await poller.stop();
    requests.detach();
    storeClient.destroy();
    await local.stop();
  };
  try {
    const { dynamodb, documentClient, streams } = local.clients;
    const streamArns: Record<SourceName, string> = {
      orders: await createSourceTable(dynamodb, demoSources.orders),
      todoListTask: await createSourceTable(dynamodb, demoSources.todoListTask),
    };
    unwrap(
      await createProjectionTables(
        dynamodb,
        demoExamples.flatMap((e) => e.tables),
      ),
    );
    const store = dynamoDbProjectionStore({ client: storeClient });
    const delivery = emptyDeliveryStats();
    const checkpoints = new Map<string, bigint>();
    const deployments = await deployPollers(local, streamArns, store, delivery, checkpoints);
    pollers.push(...deployments.map((d) => d.poller));

    const workload = new Workload({ ...options, startMs: Date.now() });
    const started = performance.now();
    await writeWorkload(local, workload, progress, delivery);
    const records = {
      orders: await readDynamoDBLocalStream(streams, streamArns.orders),
      todoListTask: await readDynamoDBLocalStream(streams, streamArns.todoListTask),
    };
    await waitForCatchUp(deployments, records, checkpoints, progress, delivery);
    const elapsedMs = performance.now() - started;
    const storeRequests = requests.total();
    await stopPollers(deployments);
    progress.update(1, `${delivery.recordsDelivered.toLocaleString('en-US')} records polled`);
    progress.finish();

    return {
      engine: 'DynamoDB Local',
      elapsedMs,
      workload: workload.stats,
      sources: await sourcesAfter(documentClient, records),
      tables: await projectionTables(store),
      deadLetters: deployments.flatMap((d) => d.deadLetters.letters),
      delivery,
      writes: storeRequests,
      writesUnit:
        'DynamoDB requests (BatchWriteItem: 25 rows, TransactWriteItems: up to 100 actions, UpdateItem: an order row)',
      historyOf: async (orderId) => unwrap(await orderHistoryOf(documentClient, orderId)),
      notes: [
        'DynamoDB Local runs no TTL process: expiring tasks stay, so the archive stays empty ' +
          '(the in-memory run shows TTL at work)',
        'one shard per stream, no Lambda faults injected: the poller checkpoints after each batch',
      ],
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
};
