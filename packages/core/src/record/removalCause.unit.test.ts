import { describe, expect, it } from 'vitest';
import { removalCauseOf } from './removalCause.js';

describe('removalCauseOf', () => {
  it('is ttl when DynamoDB itself removed the item, in Lambda and Streams API spelling', () => {
    expect(removalCauseOf({ type: 'Service', principalId: 'dynamodb.amazonaws.com' })).toBe('ttl');
    expect(removalCauseOf({ Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' })).toBe('ttl');
  });

  it.each([
    undefined,
    null,
    'Service',
    {},
    { type: 'Service', principalId: 'lambda.amazonaws.com' },
    { type: 'User', principalId: 'dynamodb.amazonaws.com' },
  ])('is user otherwise (%j)', (identity) => {
    expect(removalCauseOf(identity)).toBe('user');
  });
});
