import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import { readDynamoDBLocalStream, toLambdaRecord } from '@sluice/offline';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { processBatch } from '../batch/processBatch.js';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { createProjectionTables } from '../dynamodb/tables/createProjectionTables.js';
import { connectLocal, uniquePrefix } from '../dynamodb/testSupport/localDynamoDb.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import type { Row } from '../plan/row.js';
import { createLeaseTable } from '../poller/lease/createLeaseTable.js';
import { dynamoDbLeaseTable } from '../poller/lease/dynamoDbLeaseTable.js';
import {
  createTaskProjectionTables,
  createTaskTable,
  seeded,
  taskStore,
  writeRandomTask,
} from '../poller/testSupport/taskTables.js';
import { backfill } from './backfill.js';
import { dynamoDbScanSource } from './dynamoDbScanSource.js';
import {
  dynamoDbSegmentCheckpoints,
  segmentCheckpointTableSpec,
} from './dynamoDbSegmentCheckpoints.js';
import { pollerLiveStream } from './pollerLiveStream.js';
import { taskProjections } from './testSupport/backfillTasks.js';

const connection = connectLocal();
const { dynamodb, documentClient, streams } = connection.clients;
afterAll(() => connection.destroy());

const ITEMS = 150;

const populate = async (tableName: string) => {
  for (let start = 0; start < ITEMS; start += 25) {
    const requests = Array.from({ length: Math.min(25, ITEMS - start) }, (_, i) => ({
      PutRequest: {
        Item: {
          id: { S: `t${start + i}` },
          list: { S: `l${(start + i) % 5}` },
          points: { N: String((start + i) % 6) },
          title: { S: `task ${start + i}` },
        },
      },
    }));
    await dynamodb.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: requests } }));
  }
};

const cleanTables = async (streamArn: string, records: readonly _Record[]) => {
  const store = new InMemoryProjectionStore();
  const result = await processBatch(
    { projections: taskProjections().all, store, deadLetters: new InMemoryDeadLetters() },
    records.map((record) => toLambdaRecord(record, streamArn)),
  );
  if (result._tag !== 'BatchCompleted') throw new Error(result.cause.message);
  return store.tables();
};

const byKey = (rows: readonly Row[] | undefined, ...key: string[]) =>
  [...(rows ?? [])].sort((a, b) => {
    const x = key.map((k) => String(a[k])).join('|');
    const y = key.map((k) => String(b[k])).join('|');
    return x < y ? -1 : x > y ? 1 : 0;
  });

const nonZero = (rows: readonly Row[]) => rows.filter((row) => row.count !== 0 || row.points !== 0);

describe('backfill on DynamoDB Local, handing over to its real stream', () => {
  it('backfills a populated table while writes go on: counts equal a clean pass over the complete history, history and archive hold every change since the hand-over', async () => {
    const prefix = `${uniquePrefix('backfill')}.`;
    const tableName = `${prefix}tasks`;
    const streamArn = await createTaskTable(dynamodb, tableName);
    await createTaskProjectionTables(dynamodb, prefix);
    await createLeaseTable(dynamodb, `${prefix}leases`);
    const tables = await createProjectionTables(dynamodb, [
      segmentCheckpointTableSpec(`${prefix}segments`),
    ]);
    if (E.isLeft(tables)) throw new Error(tables.left.message);
    await populate(tableName);
    // Everything written so far predates the live stream's start (LATEST): only snapshots carry it.
    const predating = new Set(
      (await readDynamoDBLocalStream(streams, streamArn)).map((r) => r.dynamodb?.SequenceNumber),
    );

    const store = taskStore(dynamodb, prefix);
    const live = pollerLiveStream({
      streams,
      streamArn,
      leaseTable: dynamoDbLeaseTable({ client: dynamodb, tableName: `${prefix}leases` }),
      projections: taskProjections().all,
      store,
      deadLetters: new InMemoryDeadLetters(),
      startingPosition: 'LATEST',
      idleDelayMs: 50,
      retryDelayMs: { base: 50, max: 500 },
      checkEveryMs: 50,
      catchUpTimeoutMs: 30_000,
    });
    try {
      const started = await live.start();
      if (E.isLeft(started)) throw new Error(started.left.message);
      // Writes race the scan: every page applied sets off a few more, which land while the next
      // pages are read (whatever the machine's speed).
      const random = seeded(7);
      const writes: Promise<void>[] = [];
      const write = () => writeRandomTask(dynamodb, tableName, random, ITEMS + 20);
      let writesAtScanEnd = 0;
      const result = await backfill({
        source: dynamoDbScanSource({ client: dynamodb, tableName }),
        projections: taskProjections().targets,
        store,
        deadLetters: new InMemoryDeadLetters(),
        checkpoints: dynamoDbSegmentCheckpoints({
          client: documentClient,
          tableName: `${prefix}segments`,
        }),
        segments: 3,
        pageSize: 10,
        rate: { itemsPerSecond: 80 },
        live,
        onEvent: (event) => {
          if (event._tag === 'PageApplied') for (let i = 0; i < 4; i++) writes.push(write());
          if (event._tag === 'ScanFinished') writesAtScanEnd = writes.length;
        },
      });
      if (E.isLeft(result)) throw new Error(result.left.message);
      expect(result.right).toMatchObject({ complete: true, caughtUp: true });
      expect(result.right.readUnits).toBeGreaterThan(0);
      expect(writesAtScanEnd).toBeGreaterThan(40);
      await Promise.all(writes);
      const caughtUp = await live.caughtUp();
      if (E.isLeft(caughtUp)) throw new Error(caughtUp.left.message);

      const all = await readDynamoDBLocalStream(streams, streamArn);
      const since = all.filter((r) => !predating.has(r.dynamodb?.SequenceNumber));
      expect(since.length).toBeGreaterThan(40);
      const full = await cleanTables(streamArn, all);
      const handedOver = await cleanTables(streamArn, since);

      const totals = byKey(await store.scan('totals'), 'list');
      expect(nonZero(totals)).toEqual(nonZero(byKey(full.totals, 'list')));
      const contributions = (rows: readonly Row[] | undefined) =>
        Object.fromEntries(
          (rows ?? [])
            .filter((m) => m.contribution !== null)
            .map((m) => [m.markerId, m.contribution]),
        );
      expect(contributions(await store.scan('markers'))).toEqual(contributions(full.markers));
      expect(byKey(await store.scan('archive'), 'id')).toEqual(byKey(handedOver.archive, 'id'));
      const history = await store.scan('history');
      expect(
        byKey(
          history.filter((row) => row.eventName !== 'SNAPSHOT'),
          'entityId',
          'change',
        ),
      ).toEqual(byKey(handedOver.history, 'entityId', 'change'));
      expect(history.filter((row) => row.eventName === 'SNAPSHOT')).toHaveLength(
        result.right.scanned,
      );
    } finally {
      await live.stop();
    }
  }, 90_000);
});
