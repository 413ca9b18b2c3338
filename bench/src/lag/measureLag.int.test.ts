import { connectDynamoDBLocal } from '@sluice/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { dynamodbLocalEndpoint } from '../testSupport/dynamodbLocalEndpoint.js';
import { measureLag } from './measureLag.js';

const connection = connectDynamoDBLocal(dynamodbLocalEndpoint());
afterAll(() => connection.destroy());

describe('measureLag at a small size on DynamoDB Local', () => {
  it('reports write→projected percentiles for each idle delay asked for', async () => {
    const lags = await measureLag(connection.clients, {
      writesPerSecond: 20,
      writes: 10,
      idleDelaysMs: [100],
    });
    expect(lags).toHaveLength(1);
    expect(lags[0]!.samples).toBe(10);
    expect(lags[0]!.idleDelayMs).toBe(100);
    expect(lags[0]!.p50Ms).toBeLessThanOrEqual(lags[0]!.p99Ms);
  }, 60_000);
});
