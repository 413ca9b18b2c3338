import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type * as E from 'fp-ts/lib/Either.js';
import type { DynamoDbError } from '../../retry/dynamoDbError.js';
import { done, leftover, retrying } from '../../retry/retrying.js';
import type { RetryPolicy } from '../../retry/retryPolicy.js';

/** BatchWriteItem accepts at most 25 put or delete requests per call (and 16 MB). */
export const BATCH_WRITE_MAX_ITEMS = 25;

/** Where a chunk of puts goes. */
export interface BatchWriteTarget {
  readonly client: DynamoDBDocumentClient;
  readonly policy: RetryPolicy;
  readonly tableName: string;
}

/**
 * Puts one chunk (≤ 25 items with distinct keys: DynamoDB refuses a request naming a key twice)
 * with BatchWriteItem, resending `UnprocessedItems` with backoff until every item has landed.
 */
export const putChunk = (
  target: BatchWriteTarget,
  items: ReadonlyArray<Record<string, unknown>>,
): Promise<E.Either<DynamoDbError, void>> => {
  let pending = items.map((Item) => ({ PutRequest: { Item } }));
  return retrying(target.policy, 'BatchWriteItem', target.tableName, async () => {
    const response = await target.client.send(
      new BatchWriteCommand({ RequestItems: { [target.tableName]: pending } }),
    );
    const unprocessed = response.UnprocessedItems?.[target.tableName] ?? [];
    if (unprocessed.length === 0) return done<void>(undefined);
    const progressed = unprocessed.length < pending.length;
    pending = unprocessed.map((r) => ({ PutRequest: { Item: r.PutRequest?.Item ?? {} } }));
    return leftover(progressed, { name: 'UnprocessedItems', message: `${pending.length} left` });
  });
};
