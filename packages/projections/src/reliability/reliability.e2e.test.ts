import { fileURLToPath } from 'node:url';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { SequenceNumber } from '@sluice/core';
import { connectDynamoDBLocal, readDynamoDBLocalStream } from '@sluice/offline';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { deadLetterTableSpec } from '../deadLetter/deadLetterTableSpec.js';
import { dynamoDbDeadLetters } from '../deadLetter/dynamoDbDeadLetters.js';
import { InMemoryDeadLetterTable } from '../deadLetter/inMemoryDeadLetterTable.js';
import { UNREADABLE } from '../deadLetter/storedLetter.js';
import { createProjectionTables } from '../dynamodb/tables/createProjectionTables.js';
import { createLeaseTable } from '../poller/lease/createLeaseTable.js';
import { dynamoDbLeaseTable } from '../poller/lease/dynamoDbLeaseTable.js';
import { projectionProcessor } from '../poller/projectionPoller.js';
import { killPollerProcesses, startPollerProcess } from '../poller/testSupport/pollerProcess.js';
import {
  createTaskProjectionTables,
  createTaskTable,
  seeded,
  taskStore,
  userTables,
  writeRandomTask,
} from '../poller/testSupport/taskTables.js';
import { taskProjections } from '../testSupport/taskHistory.js';

const ENTRY = fileURLToPath(new URL('./testSupport/faultyPoller.e2e-entry.ts', import.meta.url));
const endpoint = inject('dynamodbLocalEndpoint');
const connection = connectDynamoDBLocal(endpoint);
const { dynamodb, documentClient, streams } = connection.clients;
afterAll(() => {
  killPollerProcesses();
  connection.destroy();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const NAMES = ['taskHistory', 'listTotals', 'taskArchive', UNREADABLE];

// A poison task (points as text), and a task whose history row, carrying two 390 KB images, can never be written.
const put = (table: string, item: Record<string, { S: string } | { N: string }>) =>
  dynamodb.send(new PutItemCommand({ TableName: table, Item: item }));
const writePoison = (table: string, n: number) =>
  put(table, {
    id: { S: `poison-${n}` },
    list: { S: 'l0' },
    points: { S: 'lots' },
    title: { S: 't' },
  });
const writeHuge = async (table: string, n: number) => {
  const note = { S: 'n'.repeat(390_000) };
  const item = { id: { S: `huge-${n}` }, list: { S: 'l1' }, points: { N: '1' }, note };
  await put(table, { ...item, title: { S: 'first' } });
  await put(table, { ...item, title: { S: 'second' } });
};

describe('reliability on DynamoDB Local', () => {
  it('throttling, unprocessed items, cancelled transactions and crashes at the client, the poller SIGKILLed at least 5 times, poison records and a write refused for good: every table equals a clean pass, every poison record is in the dead-letter table exactly once', async () => {
    const seed = Date.now() % 100_000;
    const random = seeded(seed);
    const id = `reliability-${process.pid}-${Date.now()}`;
    const source = `${id}-tasks`;
    const streamArn = await createTaskTable(dynamodb, source);
    await createLeaseTable(dynamodb, `${id}-leases`);
    await createTaskProjectionTables(dynamodb, `${id}-polled-`);
    const created = await createProjectionTables(dynamodb, [deadLetterTableSpec(`${id}-letters`)]);
    if (E.isLeft(created)) throw new Error(created.left.message);
    const config = {
      endpoint,
      streamArn,
      leaseTable: `${id}-leases`,
      tablePrefix: `${id}-polled-`,
      workerId: 'faulty-poller',
      entry: ENTRY,
    };
    let restarts = 0;
    const start = () =>
      startPollerProcess({
        ...config,
        env: {
          E2E_DEAD_LETTER_TABLE: `${id}-letters`,
          E2E_FAULT_SEED: String(seed * 31 + restarts++),
          E2E_FAULT_RATE: '0.05',
        },
      });

    let poller = start();
    let writing = true;
    const writes = (async () => {
      for (let i = 0; i < 1500; i++) {
        await writeRandomTask(dynamodb, source, random, 60);
        if (i % 75 === 10) await writePoison(source, i);
        if (i % 500 === 250) await writeHuge(source, i);
        if (i % 10 === 0) await sleep(1);
      }
      writing = false;
    })();
    let kills = 0;
    const killer = seeded(seed + 1);
    while (writing || kills < 5) {
      await sleep(400 + killer() * 1600);
      poller.child.kill('SIGKILL');
      await poller.exited;
      kills += 1;
      poller = start();
    }
    await writes;

    const records = await readDynamoDBLocalStream(streams, streamArn);
    const last = records.at(-1)?.dynamodb?.SequenceNumber as SequenceNumber;
    const leases = dynamoDbLeaseTable({ client: dynamodb, tableName: `${id}-leases` });
    const deadline = Date.now() + 180_000;
    for (;;) {
      const listed = await leases.list(streamArn);
      if (E.isRight(listed) && listed.right.some((l) => l.checkpoint === last)) break;
      if (Date.now() > deadline) throw new Error('the poller did not catch up');
      await sleep(250);
    }
    await poller.waitFor('Started', 60_000);
    poller.child.kill('SIGTERM');
    await poller.exited;

    // The clean pass: every record once, in order, no fault, into fresh tables.
    await createTaskProjectionTables(dynamodb, `${id}-clean-`);
    const clean = taskStore(dynamodb, `${id}-clean-`);
    const cleanLetters = new InMemoryDeadLetterTable();
    const processor = projectionProcessor({
      projections: taskProjections(),
      store: clean,
      deadLetters: cleanLetters,
    });
    for (let i = 0; i < records.length; i += 200)
      expect(
        (await processor(records.slice(i, i + 200), { streamArn, shardId: 'clean' })).failure,
      ).toBeUndefined();
    expect(await userTables(taskStore(dynamodb, `${id}-polled-`))).toEqual(await userTables(clean));

    const letters = dynamoDbDeadLetters({ client: documentClient, tableName: `${id}-letters` });
    const stored: string[] = [];
    for (const name of NAMES)
      for (
        let after: string | undefined, first = true;
        first || after !== undefined;
        first = false
      ) {
        const page = await letters.read(name, after);
        if (E.isLeft(page)) throw new Error(page.left.message);
        stored.push(
          ...page.right.letters.map((l) => `${l.projection} ${l.eventId} ${l.reason._tag}`),
        );
        after = page.right.next;
      }
    const expected = cleanLetters
      .letters()
      .map((l) => `${l.projection} ${l.eventId} ${l.reason._tag}`);
    expect(stored.sort()).toEqual(expected.sort());
    expect(stored.filter((l) => l.endsWith('WriteRefused')).length).toBeGreaterThanOrEqual(3);
    expect(stored.filter((l) => l.startsWith('listTotals')).length).toBeGreaterThanOrEqual(10);
    process.stdout.write(
      `reliability e2e: seed ${seed}, ${kills} kills, ${records.length} changes, ${stored.length} dead letters\n`,
    );
  }, 360_000);
});
