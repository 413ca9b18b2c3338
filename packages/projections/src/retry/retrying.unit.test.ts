import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { done, leftover, retrying } from './retrying.js';
import { backoffDelay, defaultRetryPolicy, type RetryPolicy } from './retryPolicy.js';

const recordingPolicy = (overrides: Partial<RetryPolicy> = {}) => {
  const delays: number[] = [];
  const policy: RetryPolicy = {
    ...defaultRetryPolicy,
    maxAttempts: 4,
    baseDelayMs: 100,
    maxDelayMs: 1_000,
    random: () => 0.999,
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...overrides,
  };
  return { policy, delays };
};

const throttled = () =>
  new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} });

describe('retrying', () => {
  it('retries throttling with exponentially growing, capped delays, then succeeds', async () => {
    const { policy, delays } = recordingPolicy();
    let calls = 0;
    const result = await retrying(policy, 'PutItem', 't', async () => {
      calls += 1;
      if (calls < 4) throw throttled();
      return done('ok');
    });
    expect(result).toEqual(E.right('ok'));
    expect(delays).toEqual([99, 199, 399]);
  });

  it('gives up after maxAttempts fruitless attempts with a typed error naming the cause', async () => {
    const { policy, delays } = recordingPolicy();
    const result = await retrying(policy, 'BatchWriteItem', 'history', async () => {
      throw throttled();
    });
    expect(delays).toHaveLength(3);
    expect(result).toMatchObject(
      E.left({
        _tag: 'DynamoDbRetriesExhausted',
        operation: 'BatchWriteItem',
        tableName: 'history',
        attempts: 4,
        cause: { name: 'ProvisionedThroughputExceededException' },
      }),
    );
  });

  it('does not retry a validation error', async () => {
    const { policy, delays } = recordingPolicy();
    const invalid = Object.assign(new Error('bad key'), { name: 'ValidationException' });
    const result = await retrying(policy, 'PutItem', 't', async () => {
      throw invalid;
    });
    expect(delays).toEqual([]);
    expect(result).toMatchObject(
      E.left({ _tag: 'DynamoDbRequestFailed', cause: { name: 'ValidationException' } }),
    );
  });

  it('keeps going while leftovers shrink, however many rounds that takes', async () => {
    const { policy } = recordingPolicy({ maxAttempts: 2 });
    let left = 10;
    const result = await retrying(policy, 'BatchWriteItem', 't', async () => {
      if (left === 0) return done(undefined);
      left -= 1;
      return leftover(true, { name: 'UnprocessedItems', message: `${left} left` });
    });
    expect(E.isRight(result)).toBe(true);
  });

  it('stops when leftovers make no progress', async () => {
    const { policy } = recordingPolicy({ maxAttempts: 3 });
    let calls = 0;
    const result = await retrying(policy, 'BatchWriteItem', 't', async () => {
      calls += 1;
      return leftover(false, { name: 'UnprocessedItems', message: 'all left' });
    });
    expect(calls).toBe(3);
    expect(result).toMatchObject(
      E.left({ _tag: 'DynamoDbRetriesExhausted', cause: { name: 'UnprocessedItems' } }),
    );
  });
});

describe('backoffDelay', () => {
  it('is full jitter: uniform below min(cap, base·2^retry)', () => {
    const policy = { ...defaultRetryPolicy, baseDelayMs: 50, maxDelayMs: 5_000 };
    expect(backoffDelay({ ...policy, random: () => 0 }, 3)).toBe(0);
    expect(backoffDelay({ ...policy, random: () => 0.5 }, 3)).toBe(200);
    expect(backoffDelay({ ...policy, random: () => 0.5 }, 20)).toBe(2_500);
  });
});
