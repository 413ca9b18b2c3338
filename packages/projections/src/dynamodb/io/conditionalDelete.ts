import { DeleteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type * as E from 'fp-ts/lib/Either.js';
import type { DynamoDbError } from '../../retry/dynamoDbError.js';
import { errorKind } from '../../retry/errorKind.js';
import { done, retrying } from '../../retry/retrying.js';
import type { RetryPolicy } from '../../retry/retryPolicy.js';
import type { PutOutcome } from './conditionalPut.js';

/** The DeleteItem input lib-dynamodb takes. */
export type DeleteInput = ConstructorParameters<typeof DeleteCommand>[0];

/**
 * DeleteItem guarded by a condition; `ConditionalCheckFailed` means there is nothing this write
 * may delete (already gone, newer, or another owner's), which is success for an idempotent writer.
 */
export const conditionalDelete = (
  client: DynamoDBDocumentClient,
  policy: RetryPolicy,
  input: DeleteInput,
): Promise<E.Either<DynamoDbError, PutOutcome>> =>
  retrying(policy, 'DeleteItem', input.TableName ?? '', async () => {
    try {
      await client.send(new DeleteCommand(input));
      return done<PutOutcome>('written');
    } catch (error) {
      if (errorKind(error) === 'conditionFailed') return done<PutOutcome>('skipped');
      throw error;
    }
  });
