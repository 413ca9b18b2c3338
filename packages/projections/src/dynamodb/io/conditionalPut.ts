import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type * as E from 'fp-ts/lib/Either.js';
import type { DynamoDbError } from '../../retry/dynamoDbError.js';
import { errorKind } from '../../retry/errorKind.js';
import { done, retrying } from '../../retry/retrying.js';
import type { RetryPolicy } from '../../retry/retryPolicy.js';

/** The PutItem input lib-dynamodb takes. */
export type PutInput = ConstructorParameters<typeof PutCommand>[0];

/** Whether a guarded put wrote, or its condition said the write was already applied (or superseded). */
export type PutOutcome = 'written' | 'skipped';

/**
 * PutItem guarded by a condition; `ConditionalCheckFailed` means the guard saw the write (or a
 * newer one) already there, which is success for an idempotent writer, not an error.
 */
export const conditionalPut = (
  client: DynamoDBDocumentClient,
  policy: RetryPolicy,
  input: PutInput,
): Promise<E.Either<DynamoDbError, PutOutcome>> =>
  retrying(policy, 'PutItem', input.TableName ?? '', async () => {
    try {
      await client.send(new PutCommand(input));
      return done<PutOutcome>('written');
    } catch (error) {
      if (errorKind(error) === 'conditionFailed') return done<PutOutcome>('skipped');
      throw error;
    }
  });
