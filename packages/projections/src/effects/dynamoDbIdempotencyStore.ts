import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import * as E from 'fp-ts/lib/Either.js';
import { type TableSpec, tableSpec } from '../dynamodb/tables/tableSpec.js';
import {
  type IdempotencyRecord,
  type IdempotencyStore,
  type IdempotencyStoreFailed,
  isLive,
} from './idempotencyStore.js';

/** The idempotency table: partition key `idempotencyKey` (S), TTL on `expiresAt`. May be shared. */
export const idempotencyTableSpec = (tableName: string): TableSpec => ({
  ...tableSpec(tableName, 'idempotencyKey'),
  timeToLiveAttribute: 'expiresAt',
});

/** Where the DynamoDB idempotency store keeps its records. */
export interface DynamoDbIdempotencyStoreOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
}

// BatchGetItem reads at most 100 keys; unprocessed keys are asked again a few times.
const BATCH_GET_LIMIT = 100;
const UNPROCESSED_ROUNDS = 8;

const failed = (what: string, error: unknown): E.Either<IdempotencyStoreFailed, never> =>
  E.left({
    _tag: 'IdempotencyStoreFailed',
    message: `${what} failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
  });

const isConditionFailure = (error: unknown) =>
  (error as { name?: string } | null)?.name === 'ConditionalCheckFailedException';

const ownClaim = {
  ConditionExpression: '#status = :inProgress AND #token = :token',
  ExpressionAttributeNames: { '#status': 'status', '#token': 'token' },
};

// One BatchGetItem of at most 100 keys, asked again for what DynamoDB left unprocessed.
const readChunk = async (
  { client, tableName: TableName }: DynamoDbIdempotencyStoreOptions,
  keys: readonly string[],
  found: Map<string, IdempotencyRecord>,
) => {
  let pending: Record<string, unknown>[] | undefined = keys.map((idempotencyKey) => ({
    idempotencyKey,
  }));
  for (let round = 0; pending !== undefined && pending.length > 0; round++) {
    if (round === UNPROCESSED_ROUNDS) throw new Error('BatchGetItem left keys unprocessed');
    const answer: BatchGetCommandOutput = await client.send(
      new BatchGetCommand({
        RequestItems: { [TableName]: { Keys: pending, ConsistentRead: true } },
      }),
    );
    for (const item of answer.Responses?.[TableName] ?? [])
      found.set(item.idempotencyKey as string, item as IdempotencyRecord);
    pending = answer.UnprocessedKeys?.[TableName]?.Keys;
    if (pending !== undefined && pending.length > 0)
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** round));
  }
};

// The live records of these keys, read strongly consistent.
const readLive =
  (options: DynamoDbIdempotencyStoreOptions): IdempotencyStore['read'] =>
  async (keys, now) => {
    const found = new Map<string, IdempotencyRecord>();
    const unique = [...new Set(keys)];
    try {
      for (let i = 0; i < unique.length; i += BATCH_GET_LIMIT)
        await readChunk(options, unique.slice(i, i + BATCH_GET_LIMIT), found);
    } catch (error) {
      return failed('reading the idempotency table', error);
    }
    for (const [key, record] of found) if (!isLive(record, now)) found.delete(key);
    return E.right(found);
  };

// A conditional put that takes a free (or expired, or abandoned) key; else who holds it.
const claimKey =
  ({ client, tableName: TableName }: DynamoDbIdempotencyStoreOptions): IdempotencyStore['claim'] =>
  async (claim, now) => {
    try {
      await client.send(
        new PutCommand({
          TableName,
          Item: claim,
          ConditionExpression:
            'attribute_not_exists(idempotencyKey) OR expiresAt <= :nowSeconds OR ' +
            '(#status = :inProgress AND inProgressUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':now': now,
            ':nowSeconds': Math.floor(now / 1000),
            ':inProgress': 'IN_PROGRESS',
          },
        }),
      );
      return E.right({ _tag: 'Claimed' as const });
    } catch (error) {
      if (!isConditionFailure(error)) return failed(`claiming ${claim.idempotencyKey}`, error);
    }
    try {
      const held = await client.send(
        new GetCommand({
          TableName,
          Key: { idempotencyKey: claim.idempotencyKey },
          ConsistentRead: true,
        }),
      );
      // Gone between the two requests (released): the caller retries the batch and claims it then.
      const record = (held.Item ?? { ...claim, token: '' }) as IdempotencyRecord;
      return E.right({ _tag: 'Taken' as const, record });
    } catch (error) {
      return failed(`reading ${claim.idempotencyKey}`, error);
    }
  };

// DONE for the holder of the token only; `false` when the claim was lost.
const completeClaim =
  ({
    client,
    tableName: TableName,
  }: DynamoDbIdempotencyStoreOptions): IdempotencyStore['complete'] =>
  async (key, token, expiresAt) => {
    try {
      await client.send(
        new UpdateCommand({
          TableName,
          Key: { idempotencyKey: key },
          UpdateExpression: 'SET #status = :done, expiresAt = :expiresAt',
          ...ownClaim,
          ExpressionAttributeValues: {
            ':done': 'DONE',
            ':expiresAt': expiresAt,
            ':inProgress': 'IN_PROGRESS',
            ':token': token,
          },
        }),
      );
      return E.right(true);
    } catch (error) {
      return isConditionFailure(error) ? E.right(false) : failed(`completing ${key}`, error);
    }
  };

// Gives the key back, if the token still holds it.
const releaseClaim =
  ({
    client,
    tableName: TableName,
  }: DynamoDbIdempotencyStoreOptions): IdempotencyStore['release'] =>
  async (key, token) => {
    try {
      await client.send(
        new DeleteCommand({
          TableName,
          Key: { idempotencyKey: key },
          ...ownClaim,
          ExpressionAttributeValues: { ':inProgress': 'IN_PROGRESS', ':token': token },
        }),
      );
      return E.right(undefined);
    } catch (error) {
      return isConditionFailure(error) ? E.right(undefined) : failed(`releasing ${key}`, error);
    }
  };

/**
 * The idempotency table on DynamoDB: one strongly consistent BatchGetItem per 100 effects of a
 * batch, then per effect to perform a conditional PutItem (claim) and UpdateItem (done).
 */
export const dynamoDbIdempotencyStore = (
  options: DynamoDbIdempotencyStoreOptions,
): IdempotencyStore => ({
  read: readLive(options),
  claim: claimKey(options),
  complete: completeClaim(options),
  release: releaseClaim(options),
});
