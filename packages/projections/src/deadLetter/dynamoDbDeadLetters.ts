import { DeleteCommand, type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as E from 'fp-ts/lib/Either.js';
import { conditionalPut } from '../dynamodb/io/conditionalPut.js';
import { allOrFirstFailure, eachWithLimit } from '../dynamodb/io/eachWithLimit.js';
import { done, retrying } from '../retry/retrying.js';
import { defaultRetryPolicy, type RetryPolicy } from '../retry/retryPolicy.js';
import type { StoreError } from '../store/storeError.js';
import type { DeadLetter } from './deadLetter.js';
import type { DeadLetterTable, LetterPage } from './deadLetterTable.js';
import { letterItem, storedLetterOf } from './letterItem.js';
import type { LetterKey } from './storedLetter.js';

/** Where `dynamoDbDeadLetters` keeps letters (a table made from `deadLetterTableSpec`). */
export interface DynamoDbDeadLettersOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly retryPolicy?: Partial<RetryPolicy>;
  /** Requests in flight at once (default 4). */
  readonly concurrency?: number;
  /** The time a letter is stamped with (default: the system clock). */
  readonly now?: () => Date;
}

/** A letter item `dynamoDbDeadLetters` cannot read back (written by something else). */
export interface CorruptLetter {
  readonly _tag: 'CorruptLetter';
  readonly message: string;
}

/**
 * Dead letters in a DynamoDB table, one item per (projection, eventID): each letter is a PutItem
 * conditioned on the key being new, so a redelivered batch's letters change nothing and the
 * letter keeps the time of the first delivery. Records over the item limit are compressed, and
 * past that kept as keys and position only (see `letterItem`).
 */
export const dynamoDbDeadLetters = (options: DynamoDbDeadLettersOptions): DeadLetterTable => {
  const { client, tableName } = options;
  const policy = { ...defaultRetryPolicy, ...options.retryPolicy };
  const limit = Math.max(1, options.concurrency ?? 4);
  const now = options.now ?? (() => new Date());

  const send = async (letters: readonly DeadLetter[]): Promise<E.Either<StoreError, void>> => {
    const outcomes = await eachWithLimit(letters, limit, (letter) =>
      conditionalPut(client, policy, {
        TableName: tableName,
        Item: letterItem(letter, now()),
        ConditionExpression: 'attribute_not_exists(#p)',
        ExpressionAttributeNames: { '#p': 'projection' },
      }),
    );
    const all = allOrFirstFailure(outcomes);
    return E.isLeft(all) ? all : E.right(undefined);
  };

  const read = async (
    projection: string,
    after?: string,
    pageSize = 100,
  ): Promise<E.Either<StoreError | CorruptLetter, LetterPage>> => {
    const page = await retrying(policy, 'Query', tableName, async () =>
      done(
        await client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: '#p = :p',
            ExpressionAttributeNames: { '#p': 'projection' },
            ExpressionAttributeValues: { ':p': projection },
            ConsistentRead: true,
            Limit: pageSize,
            ...(after === undefined ? {} : { ExclusiveStartKey: { projection, letterId: after } }),
          }),
        ),
      ),
    );
    if (E.isLeft(page)) return page;
    const letters = [];
    for (const item of page.right.Items ?? []) {
      const letter = storedLetterOf(item);
      if (letter === undefined)
        return E.left({
          _tag: 'CorruptLetter',
          message: `${tableName} holds an item that is not a dead letter: ${JSON.stringify(item).slice(0, 200)}`,
        });
      letters.push(letter);
    }
    const last = page.right.LastEvaluatedKey?.letterId;
    return E.right({ letters, next: typeof last === 'string' ? last : undefined });
  };

  const remove = async (keys: readonly LetterKey[]): Promise<E.Either<StoreError, void>> => {
    const outcomes = await eachWithLimit(keys, limit, (key) =>
      retrying(policy, 'DeleteItem', tableName, async () => {
        await client.send(
          new DeleteCommand({
            TableName: tableName,
            Key: { projection: key.projection, letterId: key.letterId },
          }),
        );
        return done(undefined);
      }),
    );
    const all = allOrFirstFailure(outcomes);
    return E.isLeft(all) ? all : E.right(undefined);
  };

  return { send, read, remove };
};
