import { connectDynamoDBLocal } from '@sluice/testing';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { measurePollerLag } from './measurePollerLag.js';

const connection = connectDynamoDBLocal(inject('dynamodbLocalEndpoint'));
afterAll(() => connection.destroy());

describe('measurePollerLag', () => {
  it('times every write from its acknowledgement to its projection row on DynamoDB Local', async () => {
    const lag = await measurePollerLag({
      dynamodb: connection.clients.dynamodb,
      streams: connection.clients.streams,
      writesPerSecond: 40,
      writes: 40,
      idleDelayMs: 100,
    });
    expect(lag.samples).toBe(40);
    expect(lag.p50Ms).toBeGreaterThanOrEqual(0);
    expect(lag.p50Ms).toBeLessThanOrEqual(lag.p99Ms);
    expect(lag.p99Ms).toBeLessThanOrEqual(lag.maxMs);
  }, 60_000);
});
