import { DeleteItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { type SequenceNumber, sortableSequenceNumber } from '@sluice/core';
import { connectDynamoDBLocal, readDynamoDBLocalStream } from '@sluice/offline';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createLeaseTable } from './lease/createLeaseTable.js';
import { dynamoDbLeaseTable } from './lease/dynamoDbLeaseTable.js';
import type { Lease } from './lease/lease.js';
import { killPollerProcesses, startPollerProcess } from './testSupport/pollerProcess.js';
import {
  createTaskProjectionTables,
  createTaskTable,
  taskStore,
  userTables,
} from './testSupport/taskTables.js';

const endpoint = inject('dynamodbLocalEndpoint');
const connection = connectDynamoDBLocal(endpoint);
const { dynamodb, streams } = connection.clients;
afterAll(() => {
  killPollerProcesses();
  connection.destroy();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Changes task `i % 30`: a put of a new version, or every fifth time a delete. */
const change = async (table: string, i: number) => {
  const id = { S: `t${i % 30}` };
  if (i % 5 === 4) await dynamodb.send(new DeleteItemCommand({ TableName: table, Key: { id } }));
  else
    await dynamodb.send(
      new PutItemCommand({
        TableName: table,
        Item: { id, list: { S: `l${i % 3}` }, points: { N: String(i % 7) }, title: { S: `v${i}` } },
      }),
    );
};

const changes = async (table: string, from: number, count: number) => {
  for (let i = from; i < from + count; i++) await change(table, i);
};

describe('a poller started at LATEST on DynamoDB Local, stopped before its first checkpoint', () => {
  it.each(['SIGTERM', 'SIGKILL'] as const)(
    'stopped with %s and restarted, projects every change written after its start, the ones written while it was down included, and none from before',
    async (signal) => {
      const id = `latest-${signal}-${process.pid}-${Date.now()}`;
      const sourceTable = `${id}-tasks`;
      const streamArn = await createTaskTable(dynamodb, sourceTable);
      await createLeaseTable(dynamodb, `${id}-leases`);
      await createTaskProjectionTables(dynamodb, `${id}-polled-`);
      const leases = dynamoDbLeaseTable({ client: dynamodb, tableName: `${id}-leases` });
      const lease = async (): Promise<Lease> => {
        const listed = await leases.list(streamArn);
        if (E.isLeft(listed) || listed.right.length !== 1) throw new Error('expected one lease');
        return listed.right[0]!;
      };
      const config = {
        endpoint,
        streamArn,
        leaseTable: `${id}-leases`,
        tablePrefix: `${id}-polled-`,
        workerId: `${id}-poller`,
        startingPosition: 'LATEST' as const,
      };

      await changes(sourceTable, 0, 40);
      const old = await readDynamoDBLocalStream(streams, streamArn);

      const first = startPollerProcess(config);
      await first.waitFor('StartFixed', 60_000);
      await first.waitFor('LeaseTaken', 30_000);
      first.child.kill(signal);
      const exit = await first.exited;
      expect(exit).toEqual(
        signal === 'SIGTERM' ? { code: 0, signal: null } : { code: null, signal },
      );
      // Stopped before any checkpoint: the lease holds the start it stored, a concrete position.
      expect((await lease()).checkpoint).toBe(old.at(-1)?.dynamodb?.SequenceNumber);

      await changes(sourceTable, 40, 60);
      const second = startPollerProcess(config);
      await second.waitFor('Started', 60_000);
      await changes(sourceTable, 100, 20);
      const all = await readDynamoDBLocalStream(streams, streamArn);
      const last = all.at(-1)?.dynamodb?.SequenceNumber;
      const deadline = Date.now() + 60_000;
      while ((await lease()).checkpoint !== last) {
        if (Date.now() > deadline) throw new Error(`not caught up: ${(await lease()).checkpoint}`);
        await sleep(200);
      }
      second.child.kill('SIGTERM');
      expect(await second.exited).toEqual({ code: 0, signal: null });

      const history = (await userTables(taskStore(dynamodb, config.tablePrefix))).history;
      const projected = new Set(history.map((row) => JSON.parse(row).change as string));
      const since = all
        .slice(old.length)
        .map((r) => sortableSequenceNumber(r.dynamodb?.SequenceNumber as SequenceNumber));
      // A delete of a missing task writes no record: fewer than the 80 changes, but most of them.
      expect(since.length).toBeGreaterThan(60);
      expect(since.filter((change) => !projected.has(change))).toEqual([]);
      expect(projected.size).toBe(since.length);
    },
    120_000,
  );
});
