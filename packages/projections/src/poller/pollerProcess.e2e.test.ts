import { compareSequenceNumbers, type SequenceNumber, sortableSequenceNumber } from '@sluice/core';
import { connectDynamoDBLocal, readDynamoDBLocalStream } from '@sluice/offline';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { taskProjections } from '../testSupport/taskHistory.js';
import { createLeaseTable } from './lease/createLeaseTable.js';
import { dynamoDbLeaseTable } from './lease/dynamoDbLeaseTable.js';
import type { Lease } from './lease/lease.js';
import { projectionProcessor } from './projectionPoller.js';
import { killPollerProcesses, startPollerProcess } from './testSupport/pollerProcess.js';
import {
  createTaskProjectionTables,
  createTaskTable,
  seeded,
  taskStore,
  userTables,
  writeRandomTask,
} from './testSupport/taskTables.js';

const endpoint = inject('dynamodbLocalEndpoint');
const connection = connectDynamoDBLocal(endpoint);
const { dynamodb, streams } = connection.clients;
afterAll(() => {
  killPollerProcesses();
  connection.destroy();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A source table with its stream, a lease table and the projection tables of one poller run. */
const scenario = async (name: string) => {
  const id = `${name}-${process.pid}-${Date.now()}`;
  const sourceTable = `${id}-tasks`;
  const leaseTable = `${id}-leases`;
  const streamArn = await createTaskTable(dynamodb, sourceTable);
  await createLeaseTable(dynamodb, leaseTable);
  await createTaskProjectionTables(dynamodb, `${id}-polled-`);
  const leases = dynamoDbLeaseTable({ client: dynamodb, tableName: leaseTable });
  const config = {
    endpoint,
    streamArn,
    leaseTable,
    tablePrefix: `${id}-polled-`,
    workerId: `${name}-poller`,
  };
  const listLeases = async (): Promise<readonly Lease[]> => {
    const listed = await leases.list(streamArn);
    if (E.isLeft(listed)) throw new Error(listed.left.message);
    return listed.right;
  };
  /** Waits until every shard's checkpoint is at its last record (or SHARD_END). */
  const caughtUp = async (timeoutMs: number) => {
    const records = await readDynamoDBLocalStream(streams, streamArn);
    const lastSequence = records.at(-1)?.dynamodb?.SequenceNumber;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const checkpoints = (await listLeases()).map((l) => l.checkpoint);
      if (lastSequence === undefined || checkpoints.includes(lastSequence as SequenceNumber))
        return records;
      if (Date.now() > deadline)
        throw new Error(`not caught up: checkpoints ${checkpoints}, last record ${lastSequence}`);
      await sleep(200);
    }
  };
  return { id, streamArn, sourceTable, config, listLeases, caughtUp };
};

describe('the stream poller as a process on DynamoDB Local', () => {
  it('killed with SIGKILL at random moments and restarted, leaves tables equal to a clean pass with no change missing', async () => {
    const seed = Date.now() % 100_000;
    const random = seeded(seed);
    const s = await scenario('kill');
    let poller = startPollerProcess(s.config);
    let writing = true;
    const writes = (async () => {
      for (let i = 0; i < 3000; i++) {
        await writeRandomTask(dynamodb, s.sourceTable, random, 80);
        if (i % 10 === 0) await sleep(1);
      }
      writing = false;
    })();
    let kills = 0;
    const killerRandom = seeded(seed + 1);
    // Five to eight kills, spread over the writes (and after them, if the writes are quick).
    while ((writing && kills < 8) || kills < 5) {
      await sleep(500 + killerRandom() * 2000);
      poller.child.kill('SIGKILL');
      await poller.exited;
      kills += 1;
      poller = startPollerProcess(s.config);
    }
    await writes;
    const records = await s.caughtUp(60_000);
    expect(records.length).toBeGreaterThan(2000);
    // The last restart may still be loading when the stream is already caught up: signal it only
    // once its handlers are installed, as a process manager signals a running process.
    await poller.waitFor('Started', 60_000);
    poller.child.kill('SIGTERM');
    expect(await poller.exited).toEqual({ code: 0, signal: null });

    // A clean pass: every record once, in order, into fresh tables.
    await createTaskProjectionTables(dynamodb, `${s.id}-clean-`);
    const clean = taskStore(dynamodb, `${s.id}-clean-`);
    const processor = projectionProcessor({
      projections: taskProjections(),
      store: clean,
      deadLetters: new InMemoryDeadLetters(),
    });
    for (let i = 0; i < records.length; i += 1000) {
      const outcome = await processor(records.slice(i, i + 1000), {
        streamArn: s.streamArn,
        shardId: 'clean',
      });
      expect(outcome.failure).toBeUndefined();
    }
    const polled = await userTables(taskStore(dynamodb, `${s.id}-polled-`));
    expect(polled).toEqual(await userTables(clean));
    // One history row per change: none is missing.
    const changes = new Set(polled.history.map((row) => JSON.parse(row).change as string));
    const expected = records.map((r) =>
      sortableSequenceNumber(r.dynamodb?.SequenceNumber as SequenceNumber),
    );
    expect(expected.filter((c) => !changes.has(c))).toEqual([]);
    expect(changes.size).toBe(records.length);
    process.stdout.write(
      `kill/restart e2e: seed ${seed}, ${kills} kills, ${records.length} changes\n`,
    );
  }, 150_000);

  it('on SIGTERM mid-stream finishes the batch in hand, checkpoints it, releases its lease and exits 0', async () => {
    const s = await scenario('term');
    const random = seeded(7);
    const poller = startPollerProcess(s.config);
    await poller.waitFor('LeaseTaken');
    let writing = true;
    const writes = (async () => {
      for (let i = 0; i < 1500 && writing; i++)
        await writeRandomTask(dynamodb, s.sourceTable, random, 50);
    })();
    await sleep(1500);
    poller.child.kill('SIGTERM');
    expect(await poller.exited).toEqual({ code: 0, signal: null });
    writing = false;
    await writes;
    expect(poller.events.map((e) => e._tag)).toEqual(
      expect.arrayContaining(['LeaseReleased', 'Stopped']),
    );
    const [lease] = await s.listLeases();
    expect(lease?.owner).toBeUndefined();
    const checkpoint = lease?.checkpoint as SequenceNumber;
    expect(checkpoint).toMatch(/^\d+$/);
    // Exactly the records up to the checkpoint were projected: the batch in hand was finished and
    // checkpointed, and nothing was applied past the checkpoint.
    const records = await readDynamoDBLocalStream(streams, s.streamArn);
    const upTo = records.filter(
      (r) => compareSequenceNumbers(r.dynamodb?.SequenceNumber as SequenceNumber, checkpoint) <= 0,
    );
    expect(upTo.length).toBeGreaterThan(0);
    const history = (await userTables(taskStore(dynamodb, s.config.tablePrefix))).history;
    expect(new Set(history.map((row) => JSON.parse(row).change as string))).toEqual(
      new Set(
        upTo.map((r) => sortableSequenceNumber(r.dynamodb?.SequenceNumber as SequenceNumber)),
      ),
    );
  }, 60_000);
});
