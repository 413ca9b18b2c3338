import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type * as E from 'fp-ts/lib/Either.js';
import type { DynamoDbError } from '../../retry/dynamoDbError.js';
import { errorKind } from '../../retry/errorKind.js';
import { done, retrying } from '../../retry/retrying.js';
import type { StoreContext } from './dynamoDbStoreOptions.js';
import type { UpdateInput } from './rowUpdateRequests.js';

/**
 * What became of a group row's UpdateItem: it landed, a marker it is conditioned on moved
 * (another writer got there first: re-read, never resend), or the row would pass 400 KB.
 */
export type RowUpdateOutcome = 'applied' | 'markerMoved' | 'tooLarge';

// DynamoDB's words for an update that would grow the item past the limit (a ValidationException).
const TOO_LARGE = /item size.*(exceed|maximum)/i;

const isTooLarge = (error: unknown): boolean => {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  return name === 'ValidationException' && typeof message === 'string' && TOO_LARGE.test(message);
};

/** Sends one conditional UpdateItem of a group row, retrying throttling and server faults. */
export const sendRowUpdate = (
  context: StoreContext,
  input: UpdateInput,
): Promise<E.Either<DynamoDbError, RowUpdateOutcome>> =>
  retrying(context.policy, 'UpdateItem', input.TableName ?? '', async () => {
    try {
      await context.client.send(new UpdateCommand(input));
      return done<RowUpdateOutcome>('applied');
    } catch (error) {
      if (errorKind(error) === 'conditionFailed') return done<RowUpdateOutcome>('markerMoved');
      if (isTooLarge(error)) return done<RowUpdateOutcome>('tooLarge');
      throw error;
    }
  });
