import * as E from 'fp-ts/lib/Either.js';
import type { EventName } from '../event/changeEvent.js';
import { type FilterPattern, filterPattern } from './filterPattern.js';
import type { PatternShape } from './patternShape.js';

// Built-in patterns are constants: failing validation here is a bug in Sluice, so it throws.
const builtIn = (pattern: PatternShape): FilterPattern => {
  const made = filterPattern(pattern);
  if (E.isLeft(made)) throw new Error(`Sluice built-in filter is invalid: ${made.left.message}`);
  return made.right;
};

/** Items deleted by DynamoDB's TTL process: REMOVE records whose userIdentity is the DynamoDB service. */
export const ttlRemovals: FilterPattern = builtIn({
  eventName: ['REMOVE'],
  userIdentity: { type: ['Service'], principalId: ['dynamodb.amazonaws.com'] },
});

/** Items deleted by a caller: every REMOVE record that `ttlRemovals` does not match. */
export const userRemovals: FilterPattern = builtIn({
  eventName: ['REMOVE'],
  userIdentity: {
    $or: [
      { type: [{ exists: false }] },
      { type: [{ 'anything-but': 'Service' }] },
      { principalId: [{ exists: false }] },
      { principalId: [{ 'anything-but': 'dynamodb.amazonaws.com' }] },
    ],
  },
});

/** Records of the given kinds only, e.g. `eventNames('INSERT', 'MODIFY')`. */
export const eventNames = (...names: readonly [EventName, ...EventName[]]): FilterPattern =>
  builtIn({ eventName: names });
