import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { type TableSpec, tableSpec } from '../dynamodb/tables/tableSpec.js';
import { done, retrying } from '../retry/retrying.js';
import { defaultRetryPolicy, type RetryPolicy } from '../retry/retryPolicy.js';
import type { StoreError } from '../store/storeError.js';
import { scanKeyFromText, scanKeyToText } from './scanKeyText.js';
import type { SegmentCheckpoint, SegmentCheckpointStore } from './segmentCheckpoints.js';

/**
 * The segment checkpoint table: partition key `backfillId` (S), sort key `segment` (N); one small
 * item per segment (`totalSegments`, `position`, `done`, `scanned`, `followed`, `updatedAt`).
 */
export const segmentCheckpointTableSpec = (tableName: string): TableSpec =>
  tableSpec(tableName, 'backfillId', { name: 'segment', type: 'N' });

/** Where `dynamoDbSegmentCheckpoints` keeps its items. */
export interface DynamoDbSegmentCheckpointsOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly retryPolicy?: Partial<RetryPolicy>;
}

const StoredSegment = t.intersection([
  t.type({
    backfillId: t.string,
    segment: t.number,
    totalSegments: t.number,
    done: t.boolean,
    scanned: t.number,
  }),
  t.partial({ position: t.string, followed: t.boolean }),
]);

/** A stored segment checkpoint that does not read back (edited by hand, another tool's table). */
export interface CorruptSegmentCheckpoint {
  readonly _tag: 'CorruptSegmentCheckpoint';
  readonly tableName: string;
  readonly message: string;
}

const corrupt = (tableName: string, message: string): CorruptSegmentCheckpoint => ({
  _tag: 'CorruptSegmentCheckpoint',
  tableName,
  message: `segment checkpoint in ${tableName} is unreadable: ${message}`,
});

const decode = (
  tableName: string,
  raw: unknown,
): E.Either<CorruptSegmentCheckpoint, SegmentCheckpoint> => {
  if (!StoredSegment.is(raw)) return E.left(corrupt(tableName, JSON.stringify(raw)));
  const position = raw.position === undefined ? E.right(undefined) : scanKeyFromText(raw.position);
  if (E.isLeft(position)) return E.left(corrupt(tableName, position.left));
  return E.right({
    segment: raw.segment,
    totalSegments: raw.totalSegments,
    through: position.right,
    complete: raw.done,
    scanned: raw.scanned,
    followed: raw.followed === true,
  });
};

/** Segment checkpoints in a DynamoDB table (see `segmentCheckpointTableSpec`), read strongly consistent. */
export const dynamoDbSegmentCheckpoints = (
  options: DynamoDbSegmentCheckpointsOptions,
): SegmentCheckpointStore => {
  const { client, tableName } = options;
  const policy = { ...defaultRetryPolicy, ...options.retryPolicy };
  return {
    load: async (backfillId) => {
      const items: unknown[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await retrying(policy, 'Query', tableName, async () =>
          done(
            await client.send(
              new QueryCommand({
                TableName: tableName,
                KeyConditionExpression: 'backfillId = :id',
                ExpressionAttributeValues: { ':id': backfillId },
                ConsistentRead: true,
                ExclusiveStartKey: start,
              }),
            ),
          ),
        );
        if (E.isLeft(page)) return page;
        items.push(...(page.right.Items ?? []));
        start = page.right.LastEvaluatedKey;
      } while (start !== undefined);
      const checkpoints: SegmentCheckpoint[] = [];
      for (const item of items) {
        const decoded = decode(tableName, item);
        if (E.isLeft(decoded)) return decoded;
        checkpoints.push(decoded.right);
      }
      return E.right(checkpoints);
    },
    save: async (backfillId, checkpoint): Promise<E.Either<StoreError, void>> => {
      const { through } = checkpoint;
      const put = await retrying(policy, 'PutItem', tableName, async () =>
        done(
          await client.send(
            new PutCommand({
              TableName: tableName,
              Item: {
                backfillId,
                segment: checkpoint.segment,
                totalSegments: checkpoint.totalSegments,
                done: checkpoint.complete,
                scanned: checkpoint.scanned,
                followed: checkpoint.followed === true,
                updatedAt: new Date().toISOString(),
                ...(through === undefined ? {} : { position: scanKeyToText(through) }),
              },
            }),
          ),
        ),
      );
      return E.isLeft(put) ? put : E.right(undefined);
    },
  };
};
