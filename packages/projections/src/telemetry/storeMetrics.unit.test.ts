import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { done, leftover, retrying } from '../retry/retrying.js';
import { defaultRetryPolicy } from '../retry/retryPolicy.js';
import { emfMetrics } from './emfMetrics.js';
import { jsonLogger } from './jsonLogger.js';
import { storeMetrics } from './storeMetrics.js';
import { emfViolations } from './testSupport/emfSpecification.js';

describe('storeMetrics', () => {
  it('counts every request and every retry by operation, throttles apart, as valid EMF', async () => {
    const lines: string[] = [];
    const telemetry = {
      metrics: emfMetrics({ write: (l) => lines.push(l) }),
      logger: jsonLogger(() => {}),
    };
    const policy = {
      ...defaultRetryPolicy,
      sleep: async () => {},
      ...storeMetrics(telemetry, 'app'),
    };
    let calls = 0;
    const result = await retrying(policy, 'BatchWriteItem', 't', async () => {
      calls++;
      if (calls === 1)
        throw new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} });
      if (calls === 2) return leftover(true, { name: 'UnprocessedItems', message: '3 left' });
      return done('ok');
    });
    expect(result).toEqual(E.right('ok'));
    expect(lines.map((l) => emfViolations(l))).toEqual([[], [], [], [], []]);
    expect(lines.map((l) => JSON.parse(l))).toMatchObject([
      { Service: 'app', Operation: 'BatchWriteItem', Requests: 1 },
      { Service: 'app', Operation: 'BatchWriteItem', Retries: 1, Throttles: 1 },
      { Service: 'app', Operation: 'BatchWriteItem', Requests: 1 },
      { Service: 'app', Operation: 'BatchWriteItem', Retries: 1, Throttles: 0 },
      { Service: 'app', Operation: 'BatchWriteItem', Requests: 1 },
    ]);
  });
});
