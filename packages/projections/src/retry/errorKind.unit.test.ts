import {
  ConditionalCheckFailedException,
  InternalServerError,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { errorKind } from './errorKind.js';

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe('errorKind', () => {
  it.each([
    ['throttling', Object.assign(new Error('x'), { name: 'ThrottlingException' })],
    ['request limit', Object.assign(new Error('x'), { name: 'RequestLimitExceeded' })],
    ['internal error', new InternalServerError({ message: 'x', $metadata: {} })],
    [
      'a 503',
      Object.assign(new Error('x'), { name: 'Whatever', $metadata: { httpStatusCode: 503 } }),
    ],
    ['a reset socket', Object.assign(new Error('x'), { code: 'ECONNRESET' })],
    ['a transaction conflict', cancelled('None', 'TransactionConflict')],
    ['a throttled transaction', cancelled('ThrottlingError', 'None')],
  ])('retries %s', (_, error) => {
    expect(errorKind(error)).toBe('retryable');
  });

  it.each([
    ['a failed condition', new ConditionalCheckFailedException({ message: 'x', $metadata: {} })],
    ['a transaction cancelled by a condition', cancelled('None', 'ConditionalCheckFailed')],
    ['a condition next to a conflict', cancelled('TransactionConflict', 'ConditionalCheckFailed')],
  ])('reports %s as a failed guard', (_, error) => {
    expect(errorKind(error)).toBe('conditionFailed');
  });

  it.each([
    ['a validation error', Object.assign(new Error('x'), { name: 'ValidationException' })],
    ['a transaction with an invalid action', cancelled('ValidationError', 'None')],
    ['a missing table', Object.assign(new Error('x'), { name: 'ResourceNotFoundException' })],
    ['a string', 'boom'],
  ])('gives up on %s', (_, error) => {
    expect(errorKind(error)).toBe('fatal');
  });
});
