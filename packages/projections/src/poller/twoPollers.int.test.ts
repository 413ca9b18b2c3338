import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { connectDynamoDBLocal } from '@sluice/offline';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createLeaseTable } from './lease/createLeaseTable.js';
import { dynamoDbLeaseTable } from './lease/dynamoDbLeaseTable.js';
import type { PollerEvent } from './pollerEvents.js';
import type { ShardBatchProcessor } from './shardBatchProcessor.js';
import { streamPoller } from './streamPoller.js';
import { mortal } from './testSupport/pollerHarness.js';
import { createTaskTable } from './testSupport/taskTables.js';

const connection = connectDynamoDBLocal(inject('dynamodbLocalEndpoint'));
const { dynamodb, streams } = connection.clients;
afterAll(() => connection.destroy());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('two pollers sharing a DynamoDB Local stream through a DynamoDB lease table', () => {
  it('never process the shard at the same time, and the survivor takes over within the lease timeout', async () => {
    const id = `pair-${process.pid}-${Date.now()}`;
    const streamArn = await createTaskTable(dynamodb, `${id}-tasks`);
    await createLeaseTable(dynamodb, `${id}-leases`);
    const leaseTable = dynamoDbLeaseTable({ client: dynamodb, tableName: `${id}-leases` });
    const seen = new Map<string, string[]>();
    let inside = 0;
    let overlapped = false;
    const processor =
      (worker: string): ShardBatchProcessor =>
      async (records) => {
        inside += 1;
        overlapped ||= inside > 1;
        await sleep(20);
        for (const r of records)
          seen.set(r.dynamodb?.SequenceNumber ?? '', [
            ...(seen.get(r.dynamodb?.SequenceNumber ?? '') ?? []),
            worker,
          ]);
        inside -= 1;
        return { processed: records.length };
      };
    let p1Dead = false;
    const events: Record<string, PollerEvent[]> = { p1: [], p2: [] };
    const start = (worker: 'p1' | 'p2', dead: () => boolean) =>
      streamPoller({
        streams: mortal(streams, dead),
        streamArn,
        leaseTable: mortal(leaseTable, dead),
        processor: processor(worker),
        workerId: worker,
        leaseDurationMs: 1_500,
        idleDelayMs: 50,
        onEvent: (event) => events[worker]?.push(event),
      });
    const p1 = start('p1', () => p1Dead);
    void p1.run();
    const put = (i: number) =>
      dynamodb.send(new PutItemCommand({ TableName: `${id}-tasks`, Item: { id: { S: `t${i}` } } }));
    for (let i = 0; i < 20; i++) await put(i);
    while (seen.size < 20) await sleep(50);
    const p2 = start('p2', () => false);
    const p2Run = p2.run();
    await sleep(1_000);
    p1Dead = true;
    const killedAt = Date.now();
    for (let i = 20; i < 40; i++) await put(i);
    while (!events.p2?.some((e) => e._tag === 'LeaseTaken')) await sleep(25);
    const takeover = Date.now() - killedAt;
    while (seen.size < 40) await sleep(50);
    await p2.stop();
    expect(await p2Run).toEqual(E.right(undefined));
    expect(overlapped).toBe(false);
    // Not before p1's last renewal could have expired, and within the lease timeout plus a scan
    // (with slack for a loaded machine).
    expect(takeover).toBeGreaterThanOrEqual(1_500 - 500);
    expect(takeover).toBeLessThan(1_500 + 750 + 1_500);
    expect([...seen.values()].slice(20).every((workers) => workers.includes('p2'))).toBe(true);
  }, 30_000);
});
