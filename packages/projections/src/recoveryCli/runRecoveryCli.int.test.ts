import { fileURLToPath } from 'node:url';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand } from '@aws-sdk/client-dynamodb-streams';
import { readDynamoDBLocalStream } from '@sluice/offline';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { sortRows } from '../contract/testSupport/toySource.js';
import { deadLetterTableSpec } from '../deadLetter/deadLetterTableSpec.js';
import { dynamoDbDeadLetters } from '../deadLetter/dynamoDbDeadLetters.js';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { dynamoDbProjectionStore } from '../dynamodb/store/dynamoDbProjectionStore.js';
import { createProjectionTables } from '../dynamodb/tables/createProjectionTables.js';
import { connectLocal, uniquePrefix } from '../dynamodb/testSupport/localDynamoDb.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import { createTaskProjectionTables, createTaskTable } from '../poller/testSupport/taskTables.js';
import {
  buggyCodec,
  runShards,
  shardedRecords,
  tasksWith,
} from '../redrive/testSupport/poisonedRun.js';
import { TaskCodec } from '../testSupport/taskHistory.js';
import { runRecoveryCli } from './runRecoveryCli.js';

const connection = connectLocal();
const { dynamodb, documentClient, streams } = connection.clients;
afterAll(() => connection.destroy());

const MODULE = fileURLToPath(new URL('./testSupport/recoveryProjections.ts', import.meta.url));
const EXPORTS = ['--export', 'taskHistory', '--export', 'listTotals', '--export', 'taskArchive'];

const cli = async (argv: string[], stdin = '') => {
  let stdout = '';
  let stderr = '';
  const status = await runRecoveryCli(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
    cwd: process.cwd(),
    readStdin: async () => stdin,
  });
  return { status, stdout, stderr };
};

const setUp = async () => {
  const prefix = `${uniquePrefix('recover')}.`;
  await createTaskProjectionTables(dynamodb, prefix);
  const created = await createProjectionTables(dynamodb, [deadLetterTableSpec(`${prefix}letters`)]);
  if (E.isLeft(created)) throw new Error(created.left.message);
  const store = dynamoDbProjectionStore({ client: documentClient, tableName: (t) => prefix + t });
  const letters = dynamoDbDeadLetters({ client: documentClient, tableName: `${prefix}letters` });
  const common = [
    '--module',
    MODULE,
    ...EXPORTS,
    '--dead-letter-table',
    `${prefix}letters`,
    '--table-prefix',
    prefix,
    '--endpoint',
    connection.endpoint,
    '--region',
    connection.region,
  ];
  return { prefix, store, letters, common };
};

const tablesOf = async (store: { scan: InMemoryProjectionStore['scan'] }) => ({
  history: sortRows(await store.scan('history')),
  totals: sortRows(await store.scan('totals')),
  archive: sortRows(await store.scan('archive')),
});

describe('sluice-recover against DynamoDB Local', () => {
  it('redrive: a dry run changes nothing; the real run applies every letter the fixed codec reads and empties the table', async () => {
    const { store, letters, common } = await setUp();
    const { shards } = fc.sample(shardedRecords, { numRuns: 1, seed: 5 })[0]!;
    await runShards(shards, 4, {
      projections: tasksWith(buggyCodec((task) => task.points >= 3)),
      store,
      deadLetters: letters,
    });
    const poisoned = await tablesOf(store);
    // The generated changes are from 2023: past the replay window, applied on request.
    const dry = await cli(['redrive', ...common, '--dry-run', '--beyond-replay-window']);
    expect(dry).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(
        /redrive \(dry run, nothing written\): \d+ letter\(s\): \d+ would apply, 0 still refused/,
      ),
    });
    expect(await tablesOf(store)).toEqual(poisoned);

    const kept = await cli(['redrive', ...common]);
    expect(kept.stdout).toMatch(
      /redrive: (\d+) letter\(s\): 0 applied, 0 still refused, 0 kept as keys only, \1 past the 25 h replay window, 0 removed/,
    );
    const wet = await cli(['redrive', ...common, '--batch-size', '3', '--beyond-replay-window']);
    expect(wet.status).toBe(0);
    expect(wet.stdout).toMatch(
      /^redrive: (\d+) letter\(s\): \1 applied, 0 still refused, 0 kept as keys only, 0 past the 25 h replay window, \1 removed$/m,
    );
    const clean = new InMemoryProjectionStore();
    await runShards(shards, 4, {
      projections: tasksWith(TaskCodec),
      store: clean,
      deadLetters: new InMemoryDeadLetters(),
    });
    const redriven = await tablesOf(store);
    const expected = await tablesOf(clean);
    expect(redriven.history).toEqual(expected.history);
    expect(redriven.archive).toEqual(expected.archive);
    for (const name of ['taskHistory', 'listTotals', 'taskArchive'])
      expect(await letters.read(name)).toEqual(E.right({ letters: [], next: undefined }));
  });

  it('failed-batches: re-reads the range of an on-failure record from stdin and runs the projections on it', async () => {
    const { prefix, store, common } = await setUp();
    const streamArn = await createTaskTable(dynamodb, `${prefix}tasks`);
    for (let i = 0; i < 5; i++)
      await dynamodb.send(
        new PutItemCommand({
          TableName: `${prefix}tasks`,
          Item: {
            id: { S: `t${i}` },
            list: { S: 'l0' },
            points: { N: String(i) },
            title: { S: 'x' },
          },
        }),
      );
    const records = await readDynamoDBLocalStream(streams, streamArn);
    expect(records).toHaveLength(5);
    const seq = (i: number) => records[i]!.dynamodb!.SequenceNumber!;
    const described = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    const onFailure = {
      requestContext: { condition: 'RetryAttemptsExhausted', approximateInvokeCount: 1 },
      version: '1.0',
      timestamp: new Date().toISOString(),
      DDBStreamBatchInfo: {
        shardId: described.StreamDescription!.Shards![0]!.ShardId!,
        startSequenceNumber: seq(1),
        endSequenceNumber: seq(3),
        approximateArrivalOfFirstRecord: new Date().toISOString(),
        approximateArrivalOfLastRecord: new Date().toISOString(),
        batchSize: 3,
        streamArn,
      },
    };
    const run = await cli(['failed-batches', ...common], `${JSON.stringify(onFailure)}\n`);
    expect(run.stdout).toMatch(/recovered .*: 3 record\(s\), 0 dead-lettered/);
    expect(run.status).toBe(0);
    const history = await store.scan('history');
    expect(history.map((row) => row.entityId).sort()).toEqual(['t1', 't2', 't3']);

    const bad = await cli(['failed-batches', ...common], '{"not":"a record"}');
    expect(bad).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/stdin is not a DynamoDB on-failure record/),
    });
  });

  it('refuses a command line it cannot run', async () => {
    expect(await cli(['rewind'])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/unknown command "rewind"/),
    });
    expect(await cli(['redrive', '--module', MODULE, ...EXPORTS])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/--dead-letter-table is required/),
    });
    expect((await cli(['--help'])).stdout).toMatch(/^Usage: sluice-recover/);
  });
});
