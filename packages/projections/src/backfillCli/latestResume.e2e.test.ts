import { fileURLToPath } from 'node:url';
import {
  BatchWriteItemCommand,
  DeleteItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { readDynamoDBLocalStream } from '@sluice/offline';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { segmentCheckpointTableSpec } from '../backfill/dynamoDbSegmentCheckpoints.js';
import { scanTable } from '../dynamodb/store/scanTable.js';
import { createProjectionTables } from '../dynamodb/tables/createProjectionTables.js';
import { markerTableSpec, tableSpec } from '../dynamodb/tables/tableSpec.js';
import { connectLocal, uniquePrefix } from '../dynamodb/testSupport/localDynamoDb.js';
import type { Row } from '../plan/row.js';
import { createLeaseTable } from '../poller/lease/createLeaseTable.js';
import { dynamoDbLeaseTable } from '../poller/lease/dynamoDbLeaseTable.js';
import { createTaskTable } from '../poller/testSupport/taskTables.js';
import { killCliProcesses, startCli, until } from './testSupport/cliProcess.js';

const MODULE = fileURLToPath(new URL('./testSupport/cliProjections.ts', import.meta.url));
const ITEMS = 200;

const connection = connectLocal();
const { dynamodb, documentClient, streams } = connection.clients;
afterAll(() => connection.destroy());
afterEach(killCliProcesses);

const populate = async (table: string) => {
  for (let start = 0; start < ITEMS; start += 25)
    await dynamodb.send(
      new BatchWriteItemCommand({
        RequestItems: {
          [table]: Array.from({ length: 25 }, (_, i) => ({
            PutRequest: {
              Item: {
                id: { S: `t${start + i}` },
                list: { S: `l${(start + i) % 4}` },
                points: { N: String((start + i) % 5) },
              },
            },
          })),
        },
      }),
    );
};

/** Totals per list as the source table holds them now: what the projection must equal. */
const totalsOf = (items: readonly Row[]) => {
  const totals = new Map<string, { list: string; count: number; points: number }>();
  for (const item of items) {
    const list = String(item.list);
    const row = totals.get(list) ?? { list, count: 0, points: 0 };
    totals.set(list, { list, count: row.count + 1, points: row.points + Number(item.points) });
  }
  return [...totals.values()].sort((a, b) => a.list.localeCompare(b.list));
};

const nonZero = (rows: readonly Row[]) =>
  rows
    .filter((row) => row.count !== 0 || row.points !== 0)
    .map(({ list, count, points }) => ({ list, count, points }))
    .sort((a, b) => String(a.list).localeCompare(String(b.list)));

describe('sluice-backfill --follow --starting-position LATEST, stopped before its poller checkpointed', () => {
  it.each(['SIGTERM', 'SIGKILL'] as const)(
    'stopped with %s at 40 percent of the scan, changes made while it is stopped, run again: it reports caught up, and every change is in the projections',
    async (signal) => {
      const prefix = `${uniquePrefix(`latest-${signal}`)}.`;
      const table = `${prefix}tasks`;
      const streamArn = await createTaskTable(dynamodb, table);
      await populate(table);
      const stream = await readDynamoDBLocalStream(streams, streamArn);
      const lastBefore = stream.at(-1)?.dynamodb?.SequenceNumber;
      const created = await createProjectionTables(dynamodb, [
        tableSpec(`${prefix}totals`, 'list'),
        markerTableSpec(`${prefix}markers`),
        tableSpec(`${prefix}history`, 'entityId', 'change'),
        segmentCheckpointTableSpec(`${prefix}segments`),
      ]);
      if (E.isLeft(created)) throw new Error(created.left.message);
      await createLeaseTable(dynamodb, `${prefix}leases`);
      const args = [
        '--endpoint',
        connection.endpoint,
        '--table',
        table,
        '--module',
        MODULE,
        '--export',
        'taskTotals',
        '--export',
        'taskHistory',
        '--table-prefix',
        prefix,
        '--follow',
        '--starting-position',
        'LATEST',
        '--lease-table',
        `${prefix}leases`,
        '--checkpoint-table',
        `${prefix}segments`,
        '--segments',
        '2',
        '--page-size',
        '10',
        '--progress',
        'lines',
        '--progress-interval',
        '0.05',
      ];
      const removed: string[] = [];
      const remove = async (id: string) => {
        removed.push(id);
        await dynamodb.send(new DeleteItemCommand({ TableName: table, Key: { id: { S: id } } }));
      };

      const first = startCli([...args, '--items-per-second', '40']);
      // About 40 % of the scan, before any change reached its poller: stop it.
      const scanned = () =>
        Math.max(
          0,
          ...[...first.output.stderr.matchAll(/(\d+) \/ ~200 items/g)].map((m) => Number(m[1])),
        );
      await until(() => scanned() >= 80, 60_000);
      first.child.kill(signal);
      expect(await first.exited).toBe(signal === 'SIGTERM' ? 130 : null);
      // Its poller's lease holds the start it stored, not a LATEST that would move on a restart.
      const leases = dynamoDbLeaseTable({ client: dynamodb, tableName: `${prefix}leases` });
      const listed = await leases.list(streamArn);
      if (E.isLeft(listed)) throw new Error(listed.left.message);
      expect(listed.right.map((lease) => lease.checkpoint)).toEqual([lastBefore]);

      // While it is stopped: lines the scan has read and lines it has not are deleted or
      // changed, and new lines are written.
      for (let i = 0; i < 25; i++) await remove(`t${i * 8}`);
      for (let i = 0; i < 10; i++) await remove(`t${i * 8 + 3}`);
      for (let i = 0; i < 10; i++)
        await dynamodb.send(
          new UpdateItemCommand({
            TableName: table,
            Key: { id: { S: `t${i * 8 + 5}` } },
            UpdateExpression: 'SET points = points + :one, #list = :list',
            ExpressionAttributeNames: { '#list': 'list' },
            ExpressionAttributeValues: { ':one': { N: '1' }, ':list': { S: 'l9' } },
          }),
        );
      for (let i = 0; i < 10; i++)
        await dynamodb.send(
          new PutItemCommand({
            TableName: table,
            Item: { id: { S: `n${i}` }, list: { S: `l${i % 2}` }, points: { N: '3' } },
          }),
        );

      const second = startCli(args);
      expect(await second.exited).toBe(0);
      expect(second.output.stdout).toMatch(/complete: .*\n(.*\n)* {2}live stream: caught up/);
      expect(second.output.stdout).not.toContain('NOT provably');

      const source = await scanTable(documentClient, table);
      expect(nonZero(await scanTable(documentClient, `${prefix}totals`))).toEqual(totalsOf(source));
      const history = await scanTable(documentClient, `${prefix}history`);
      const removals = history
        .filter((row) => row.eventName === 'REMOVE')
        .map((row) => row.entityId);
      expect([...removals].sort()).toEqual([...removed].sort());
    },
    120_000,
  );
});
