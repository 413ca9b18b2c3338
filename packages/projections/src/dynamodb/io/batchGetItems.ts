import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as E from 'fp-ts/lib/Either.js';
import type { DynamoDbError } from '../../retry/dynamoDbError.js';
import { done, leftover, retrying } from '../../retry/retrying.js';
import type { RetryPolicy } from '../../retry/retryPolicy.js';
import { chunks } from './chunks.js';
import { allOrFirstFailure, eachWithLimit } from './eachWithLimit.js';
import { keyString } from './keyString.js';

type Item = Record<string, unknown>;

/** What `batchGetItems` needs besides the keys. */
export interface BatchGetTarget {
  readonly client: DynamoDBDocumentClient;
  readonly policy: RetryPolicy;
  readonly tableName: string;
  readonly keyAttributes: ReadonlyArray<string>;
  /** BatchGetItem requests in flight at once. */
  readonly concurrency: number;
}

/** BatchGetItem accepts at most 100 keys per call. */
export const BATCH_GET_MAX_KEYS = 100;

const getChunk = (
  target: BatchGetTarget,
  chunk: ReadonlyArray<Item>,
): Promise<E.Either<DynamoDbError, ReadonlyArray<Item>>> => {
  let pending = [...chunk];
  const found: Item[] = [];
  return retrying(target.policy, 'BatchGetItem', target.tableName, async () => {
    const response = await target.client.send(
      new BatchGetCommand({
        RequestItems: { [target.tableName]: { Keys: pending, ConsistentRead: true } },
      }),
    );
    found.push(...(response.Responses?.[target.tableName] ?? []));
    const unprocessed = response.UnprocessedKeys?.[target.tableName]?.Keys ?? [];
    if (unprocessed.length === 0) return done<ReadonlyArray<Item>>(found);
    const progressed = unprocessed.length < pending.length;
    pending = unprocessed;
    return leftover(progressed, { name: 'UnprocessedKeys', message: `${pending.length} left` });
  });
};

/**
 * Reads the items with the given keys (strongly consistent, since they guard writes), 100 keys
 * per BatchGetItem, retrying `UnprocessedKeys`. Missing items are simply absent from the result.
 */
export const batchGetItems = async (
  target: BatchGetTarget,
  keys: ReadonlyArray<Item>,
): Promise<E.Either<DynamoDbError, ReadonlyArray<Item>>> => {
  const unique = new Map(keys.map((key) => [keyString(key, target.keyAttributes), key]));
  const requests = chunks([...unique.values()], BATCH_GET_MAX_KEYS, Infinity, () => 0);
  const outcomes = await eachWithLimit(requests, target.concurrency, (chunk) =>
    getChunk(target, chunk),
  );
  return E.map((parts: ReadonlyArray<ReadonlyArray<Item>>) => parts.flat())(
    allOrFirstFailure(outcomes),
  );
};
