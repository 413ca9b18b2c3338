import { connectDynamoDBLocal } from '@sluice/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { dynamodbLocalEndpoint } from '../testSupport/dynamodbLocalEndpoint.js';
import { measureInProcess } from './measureInProcess.js';

const connection = connectDynamoDBLocal(dynamodbLocalEndpoint());
afterAll(() => connection.destroy());

describe('measureInProcess at a small size', () => {
  it('runs the same workload in process, through the direct API and on DynamoDB Local', async () => {
    const result = await measureInProcess(
      { writes: 300, rounds: 2 },
      { clients: connection.clients, launchMs: undefined },
    );
    const { inProcess, direct, local } = result;
    // Every put and update writes a record; deletes of missing items write none.
    expect(inProcess.records).toBeGreaterThanOrEqual(240);
    expect(inProcess.records).toBeLessThanOrEqual(300);
    expect(direct.records).toBe(inProcess.records);
    expect(local!.records).toBe(inProcess.records);
    expect(local!.launchMs).toBeUndefined();
    for (const run of [inProcess, local!]) {
      expect(run.startupMs).toBeGreaterThan(0);
      expect(run.totalMs).toBeGreaterThan(run.writesMs);
    }
  }, 120_000);
});
