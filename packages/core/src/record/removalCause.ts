import type { RemovalCause } from '../event/changeEvent.js';

const DYNAMODB_SERVICE = 'dynamodb.amazonaws.com';

/**
 * `ttl` when the record's `userIdentity` is the DynamoDB service (a TTL deletion), else `user`.
 * Lambda writes `{ type, principalId }`; the Streams API (SDK v3) writes `{ Type, PrincipalId }`.
 */
export const removalCauseOf = (userIdentity: unknown): RemovalCause => {
  if (typeof userIdentity !== 'object' || userIdentity === null) return 'user';
  const identity = userIdentity as Record<string, unknown>;
  const type = identity.type ?? identity.Type;
  const principal = identity.principalId ?? identity.PrincipalId;
  return type === 'Service' && principal === DYNAMODB_SERVICE ? 'ttl' : 'user';
};
