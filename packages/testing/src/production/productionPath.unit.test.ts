// The exact production path on the in-process DynamoDB: application writes → table → stream →
// projectionPoller (leases in a DynamoDB table) → dynamoDbProjectionStore, in milliseconds.

import { InProcessDynamoDB } from '@sluice/offline';
import { InMemoryDeadLetters } from '@sluice/projections';
import { createLeaseTable, dynamoDbLeaseTable, projectionPoller } from '@sluice/projections/poller';
import * as E from 'fp-ts/lib/Either.js';
import { expect, it } from 'vitest';
import {
  createTaskProjectionTables,
  createTaskTable,
  seeded,
  taskStore,
  writeRandomTask,
} from '../../../projections/src/poller/testSupport/taskTables.js';
import {
  expectedTotals,
  type Task,
  taskProjections,
} from '../../../projections/src/testSupport/taskHistory.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('a projection poller keeps DynamoDB projection tables in step with writes, across a shard split', async () => {
  const db = new InProcessDynamoDB({ stream: { partitionCount: 3 } });
  const client = db.client();
  const streamArn = await createTaskTable(client, 'tasks');
  await createLeaseTable(client, 'leases');
  await createTaskProjectionTables(client, 'p.');
  const store = taskStore(client, 'p.');
  const deadLetters = new InMemoryDeadLetters();
  const poller = projectionPoller({
    streams: db.streamsClient(),
    streamArn,
    leaseTable: dynamoDbLeaseTable({ client, tableName: 'leases' }),
    projections: taskProjections(),
    store,
    deadLetters,
    leaseDurationMs: 2_000,
    idleDelayMs: 5,
    shardSyncIntervalMs: 20,
    batchSize: 25,
  });
  const running = poller.run();
  const random = seeded(13);
  const tasks = db.table('tasks');
  for (let i = 0; i < 150; i++) {
    await writeRandomTask(client, 'tasks', random, 30);
    if (i === 70) tasks.stream.split(tasks.stream.openShardIds()[0] as string);
  }
  const live = new Map(tasks.scanAll().map((task) => [String(task.id), task as unknown as Task]));
  const expected = [...expectedTotals(live)].sort();
  const totals = async () =>
    (await store.scan('totals'))
      .filter((row) => Number(row.count) > 0)
      .map((row) => [row.list, [Number(row.count), Number(row.points)]])
      .sort();
  const deadline = Date.now() + 20_000;
  while (JSON.stringify(await totals()) !== JSON.stringify(expected) && Date.now() < deadline)
    await sleep(20);
  await poller.stop();
  expect(await running).toEqual(E.right(undefined));
  expect(await totals()).toEqual(expected);
  expect(deadLetters.letters).toEqual([]);
  const history = await store.scan('history');
  expect(history).toHaveLength(tasks.stream.records().length);
});
