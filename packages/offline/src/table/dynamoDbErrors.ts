import { randomUUID } from 'node:crypto';
import {
  type CancellationReason,
  ConditionalCheckFailedException,
  DynamoDBServiceException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import type { AttributeMap } from '../item/attributeMap.js';

// The table throws the SDK's own exception classes, so code ported from `DynamoDBClient`
// (`instanceof ConditionalCheckFailedException`, `error.name === 'ValidationException'`) runs unchanged.

/** The `$metadata` of an exception the in-memory engine throws, as the SDK's would carry. */
export const metadata = () => ({
  httpStatusCode: 400,
  requestId: randomUUID(),
  attempts: 1,
  totalRetryDelay: 0,
});

/** A `ValidationException`, as DynamoDB throws for malformed requests and items. */
export const validationException = (message: string): DynamoDBServiceException =>
  new DynamoDBServiceException({
    name: 'ValidationException',
    $fault: 'client',
    message,
    $metadata: metadata(),
  });

/** A `ConditionalCheckFailedException`, carrying the current item when it was asked for. */
export const conditionalCheckFailed = (item?: AttributeMap): ConditionalCheckFailedException =>
  new ConditionalCheckFailedException({
    message: 'The conditional request failed',
    $metadata: metadata(),
    ...(item ? { Item: item } : {}),
  });

/** A `TransactionCanceledException` with one reason per action, in request order. */
export const transactionCanceled = (reasons: CancellationReason[]): TransactionCanceledException =>
  new TransactionCanceledException({
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons
      .map((r) => r.Code)
      .join(', ')}]`,
    $metadata: metadata(),
    CancellationReasons: reasons,
  });
