import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SequenceNumber } from '@sluice/core';
import * as E from 'fp-ts/lib/Either.js';
import {
  type Checkpoint,
  type CheckpointConflict,
  type CheckpointKey,
  type CheckpointStore,
  checkpointConflict,
} from '../../checkpoint/checkpointStore.js';
import type { StoreError } from '../../store/storeError.js';
import { errorKind } from '../retry/errorKind.js';
import { done, retrying } from '../retry/retrying.js';
import { defaultRetryPolicy, type RetryPolicy } from '../retry/retryPolicy.js';
import { CHECKPOINT_PARTITION_KEY, CHECKPOINT_SORT_KEY } from '../tables/checkpointTableSpec.js';
import { decodeCheckpoint, fromRawItem } from './storedCheckpoint.js';

/** Where a `dynamoDbCheckpointStore` keeps its items (see `checkpointTableSpec`). */
export interface DynamoDbCheckpointStoreOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly retryPolicy?: Partial<RetryPolicy>;
}

const keyOf = (key: CheckpointKey) => ({
  [CHECKPOINT_PARTITION_KEY]: `${key.projection} ${key.streamArn}`,
  [CHECKPOINT_SORT_KEY]: key.shardId,
});

// A failed guard returns the stored item with the error, so a conflict reports it atomically.
type Written = { readonly _tag: 'Written' } | { readonly _tag: 'Refused'; readonly raw: unknown };

/**
 * Checkpoints in DynamoDB, one item per projection, stream and shard, moved by compare-and-set:
 * an UpdateItem conditioned on the sequence number the writer last saw and, when given, on the
 * stored lease counter not exceeding the writer's (a poller whose lease was taken is fenced off).
 */
export const dynamoDbCheckpointStore = (
  options: DynamoDbCheckpointStoreOptions,
): CheckpointStore => {
  const { client, tableName } = options;
  const policy = { ...defaultRetryPolicy, ...options.retryPolicy };

  const get = async (key: CheckpointKey): Promise<E.Either<StoreError, Checkpoint | undefined>> => {
    const read = await retrying(policy, 'GetItem', tableName, async () => {
      const response = await client.send(
        new GetCommand({ TableName: tableName, Key: keyOf(key), ConsistentRead: true }),
      );
      return done(response.Item);
    });
    return E.isLeft(read) ? read : decodeCheckpoint(tableName, read.right);
  };

  const put = async (
    key: CheckpointKey,
    sequenceNumber: SequenceNumber,
    expectedPrevious: SequenceNumber | undefined,
    leaseCounter?: number,
  ): Promise<E.Either<CheckpointConflict | StoreError, void>> => {
    const fenced = leaseCounter !== undefined;
    const condition =
      (expectedPrevious === undefined ? 'attribute_not_exists(#seq)' : '#seq = :previous') +
      (fenced ? ' AND (attribute_not_exists(#lease) OR #lease <= :lease)' : '');
    const write = await retrying(policy, 'UpdateItem', tableName, async () => {
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keyOf(key),
            UpdateExpression:
              'SET #seq = :seq, #projection = :projection, #stream = :stream, #at = :at' +
              (fenced ? ', #lease = :lease' : ''),
            ConditionExpression: condition,
            ExpressionAttributeNames: {
              '#seq': 'sequenceNumber',
              '#projection': 'projection',
              '#stream': 'streamArn',
              '#at': 'updatedAt',
              ...(fenced ? { '#lease': 'leaseCounter' } : {}),
            },
            ExpressionAttributeValues: {
              ':seq': sequenceNumber,
              ':projection': key.projection,
              ':stream': key.streamArn,
              ':at': new Date().toISOString(),
              ...(expectedPrevious === undefined ? {} : { ':previous': expectedPrevious }),
              ...(fenced ? { ':lease': leaseCounter } : {}),
            },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return done<Written>({ _tag: 'Written' });
      } catch (error) {
        if (errorKind(error) !== 'conditionFailed') throw error;
        return done<Written>({ _tag: 'Refused', raw: (error as { Item?: unknown }).Item });
      }
    });
    if (E.isLeft(write)) return write;
    if (write.right._tag === 'Written') return E.right(undefined);
    const stored =
      write.right.raw === undefined
        ? await get(key)
        : decodeCheckpoint(tableName, fromRawItem(write.right.raw));
    if (E.isLeft(stored)) return stored;
    return E.left(checkpointConflict(key, expectedPrevious, stored.right));
  };

  return { get, put };
};
