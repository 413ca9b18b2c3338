import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type * as E from 'fp-ts/lib/Either.js';
import type { DynamoDbError } from '../../retry/dynamoDbError.js';
import { errorKind } from '../../retry/errorKind.js';
import { done, retrying } from '../../retry/retrying.js';
import type { RetryPolicy } from '../../retry/retryPolicy.js';

/** One action of a TransactWriteItems call, in lib-dynamodb's (unmarshalled) shape. */
export type TransactAction = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

/** TransactWriteItems accepts at most 100 actions and 4 MB per call. */
export const TRANSACT_MAX_ACTIONS = 100;
/** TransactWriteItems' request size limit. */
export const TRANSACT_MAX_BYTES = 4 * 1024 * 1024;

/** Whether a transaction applied, or was cancelled because one of its conditions did not hold. */
export type TransactOutcome = 'applied' | 'conditionFailed';

/**
 * Sends one transaction, retrying throttling and `TransactionConflict` cancellations with
 * backoff. A cancellation caused by a condition is returned, not retried: the caller's reads
 * are stale and it must re-read before deciding what to write.
 */
export const transactWrite = (
  client: DynamoDBDocumentClient,
  policy: RetryPolicy,
  tableName: string,
  actions: ReadonlyArray<TransactAction>,
): Promise<E.Either<DynamoDbError, TransactOutcome>> =>
  retrying(policy, 'TransactWriteItems', tableName, async () => {
    try {
      await client.send(new TransactWriteCommand({ TransactItems: [...actions] }));
      return done<TransactOutcome>('applied');
    } catch (error) {
      if (errorKind(error) === 'conditionFailed') return done<TransactOutcome>('conditionFailed');
      throw error;
    }
  });
