import {
  type AttributeValue,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import * as E from 'fp-ts/lib/Either.js';
import { errorKind } from '../../retry/errorKind.js';
import type { Lease } from './lease.js';
import { fromLeaseItem, type LeaseItem, toLeaseItem } from './leaseItem.js';
import {
  applyChange,
  isOwnWrite,
  type LeaseChange,
  type LeaseTable,
  type LeaseTableError,
} from './leaseTable.js';

/** Where a DynamoDB lease table lives. */
export interface DynamoDbLeaseTableOptions {
  /** Any client with `send` (a `DynamoDBClient`); low-level commands only. */
  readonly client: Pick<DynamoDBClient, 'send'>;
  /** A table keyed by `streamArn` (partition, S) and `shardId` (sort, S); see `createLeaseTable`. */
  readonly tableName: string;
}

interface Thrown {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly Item?: LeaseItem;
}

const isConditionFailure = (error: unknown): boolean =>
  (error as Thrown | undefined)?.name === 'ConditionalCheckFailedException';

// `owner` is a DynamoDB reserved word, so expressions name attributes through placeholders.
const WRITE_NAMES = { '#owner': 'owner', '#counter': 'leaseCounter', '#checkpoint': 'checkpoint' };

const keyOf = (lease: Pick<Lease, 'streamArn' | 'shardId'>): LeaseItem => ({
  streamArn: { S: lease.streamArn },
  shardId: { S: lease.shardId },
});

/** The condition "still as `expected` left it": same counter and same owner (or still free). */
const unchanged = (expected: Lease) => ({
  expression:
    expected.owner === undefined
      ? '#counter = :expectedCounter AND attribute_not_exists(#owner)'
      : '#counter = :expectedCounter AND #owner = :expectedOwner',
  values: {
    ':expectedCounter': { N: String(expected.leaseCounter) },
    ...(expected.owner === undefined ? {} : { ':expectedOwner': { S: expected.owner } }),
  } as Record<string, AttributeValue>,
});

// A request that failed, retryable or not as the retry room classifies the error.
const failure = (tableName: string, operation: string, error: unknown): LeaseTableError => {
  const e = error as Thrown | undefined;
  const name = typeof e?.name === 'string' ? e.name : 'Error';
  const text = typeof e?.message === 'string' ? e.message : String(error);
  return {
    _tag: 'LeaseTableError',
    operation,
    tableName,
    retryable: errorKind(error) === 'retryable',
    message: `${operation} on lease table ${tableName} failed: ${name}: ${text}`,
  };
};

const malformed = (tableName: string, operation: string, message: string): LeaseTableError => ({
  _tag: 'LeaseTableError',
  operation,
  tableName,
  retryable: false,
  message: `${operation} on lease table ${tableName}: ${message}`,
});

const decoded = (tableName: string, operation: string, item: LeaseItem | undefined) =>
  item === undefined
    ? E.right(undefined)
    : E.mapLeft((message: string) => malformed(tableName, operation, message))(fromLeaseItem(item));

const listLeases =
  ({ client, tableName }: DynamoDbLeaseTableOptions): LeaseTable['list'] =>
  async (streamArn) => {
    const leases: Lease[] = [];
    let startKey: LeaseItem | undefined;
    try {
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: '#stream = :stream',
            ExpressionAttributeNames: { '#stream': 'streamArn' },
            ExpressionAttributeValues: { ':stream': { S: streamArn } },
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
        );
        for (const item of page.Items ?? []) {
          const lease = fromLeaseItem(item);
          if (E.isLeft(lease)) return E.left(malformed(tableName, 'Query', lease.left));
          leases.push(lease.right);
        }
        startKey = page.LastEvaluatedKey;
      } while (startKey !== undefined);
    } catch (error) {
      return E.left(failure(tableName, 'Query', error));
    }
    return E.right(leases);
  };

const getLease =
  ({ client, tableName }: DynamoDbLeaseTableOptions): LeaseTable['get'] =>
  async (streamArn, shardId) => {
    try {
      const out = await client.send(
        new GetItemCommand({
          TableName: tableName,
          Key: keyOf({ streamArn, shardId }),
          ConsistentRead: true,
        }),
      );
      return decoded(tableName, 'GetItem', out.Item);
    } catch (error) {
      return E.left(failure(tableName, 'GetItem', error));
    }
  };

const createLease =
  ({ client, tableName }: DynamoDbLeaseTableOptions): LeaseTable['create'] =>
  async (lease) => {
    try {
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: toLeaseItem(lease),
          ConditionExpression: 'attribute_not_exists(#shard)',
          ExpressionAttributeNames: { '#shard': 'shardId' },
        }),
      );
      return E.right(true);
    } catch (error) {
      return isConditionFailure(error)
        ? E.right(false)
        : E.left(failure(tableName, 'PutItem', error));
    }
  };

// The fenced UpdateItem's expression: the intended lease's fields set, the owner (when freed) and
// the hand-over request (when the owner changes) removed, on condition the lease is unchanged.
const fencedUpdate = (expected: Lease, change: LeaseChange, intended: Lease) => {
  const condition = unchanged(expected);
  const sets = ['#counter = :counter', '#checkpoint = :checkpoint'];
  const removes: string[] = [];
  const values: Record<string, AttributeValue> = {
    ...condition.values,
    ':counter': { N: String(intended.leaseCounter) },
    ':checkpoint': { S: intended.checkpoint },
  };
  if (intended.owner === undefined) removes.push('#owner');
  else {
    sets.push('#owner = :owner');
    values[':owner'] = { S: intended.owner };
  }
  // DynamoDB rejects unused placeholders, so `#handoff` is named only when it is removed.
  const names: Record<string, string> = { ...WRITE_NAMES };
  if (change.owner !== expected.owner) {
    removes.push('#handoff');
    names['#handoff'] = 'handoffTo';
  }
  return {
    UpdateExpression: `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`,
    ConditionExpression: condition.expression,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
};

const writeLease =
  ({ client, tableName }: DynamoDbLeaseTableOptions): LeaseTable['write'] =>
  async (expected, change) => {
    const intended = applyChange(expected, change);
    try {
      const out = await client.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: keyOf(expected),
          ...fencedUpdate(expected, change, intended),
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      const lease = decoded(tableName, 'UpdateItem', out.Attributes);
      if (E.isLeft(lease)) return lease;
      return E.right({ _tag: 'Written', lease: lease.right ?? intended });
    } catch (error) {
      if (!isConditionFailure(error)) return E.left(failure(tableName, 'UpdateItem', error));
      const current = decoded(tableName, 'UpdateItem', (error as Thrown).Item);
      if (E.isLeft(current)) return current;
      if (current.right !== undefined && isOwnWrite(current.right, expected, change))
        return E.right({ _tag: 'Written', lease: current.right });
      return E.right({ _tag: 'Conflict', current: current.right });
    }
  };

const requestHandoff =
  ({ client, tableName }: DynamoDbLeaseTableOptions): LeaseTable['requestHandoff'] =>
  async (expected, to) => {
    if (expected.owner === undefined) return E.right(false);
    try {
      await client.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: keyOf(expected),
          UpdateExpression: 'SET #handoff = :to',
          ConditionExpression: '#owner = :owner AND attribute_not_exists(#handoff)',
          ExpressionAttributeNames: { '#handoff': 'handoffTo', '#owner': 'owner' },
          ExpressionAttributeValues: { ':to': { S: to }, ':owner': { S: expected.owner } },
        }),
      );
      return E.right(true);
    } catch (error) {
      return isConditionFailure(error)
        ? E.right(false)
        : E.left(failure(tableName, 'UpdateItem', error));
    }
  };

const removeLease =
  ({ client, tableName }: DynamoDbLeaseTableOptions): LeaseTable['remove'] =>
  async (expected) => {
    try {
      await client.send(
        new DeleteItemCommand({
          TableName: tableName,
          Key: keyOf(expected),
          ConditionExpression: '#counter = :counter',
          ExpressionAttributeNames: { '#counter': 'leaseCounter' },
          ExpressionAttributeValues: { ':counter': { N: String(expected.leaseCounter) } },
        }),
      );
      return E.right(true);
    } catch (error) {
      return isConditionFailure(error)
        ? E.right(false)
        : E.left(failure(tableName, 'DeleteItem', error));
    }
  };

/** The lease table on DynamoDB: every fenced write is one conditional `UpdateItem`. */
export const dynamoDbLeaseTable = (options: DynamoDbLeaseTableOptions): LeaseTable => ({
  list: listLeases(options),
  get: getLease(options),
  create: createLease(options),
  write: writeLease(options),
  requestHandoff: requestHandoff(options),
  remove: removeLease(options),
});
