import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { eventNames, ttlRemovals, userRemovals } from './readyMadePatterns.js';

const record = (
  eventName: DynamoDBRecord['eventName'],
  userIdentity?: unknown,
): DynamoDBRecord => ({
  eventID: 'e1',
  eventName,
  eventSource: 'aws:dynamodb',
  awsRegion: 'eu-west-1',
  ...(userIdentity === undefined ? {} : { userIdentity }),
  dynamodb: { Keys: { pk: { S: 'a' } }, SequenceNumber: '100000000000000000001' },
});

const ttl = { type: 'Service', principalId: 'dynamodb.amazonaws.com' };

describe('ttlRemovals', () => {
  it.each([
    ['a TTL deletion', record('REMOVE', ttl), true],
    ['a deletion by a caller', record('REMOVE'), false],
    [
      'another service',
      record('REMOVE', { type: 'Service', principalId: 'backup.amazonaws.com' }),
      false,
    ],
    ['an IAM principal', record('REMOVE', { type: 'User', principalId: 'AIDAEXAMPLE' }), false],
    ['an insert', record('INSERT'), false],
  ] as const)('%s → %s', (_name, r, expected) => {
    expect(ttlRemovals.matches(r)).toBe(expected);
  });

  it('deploys the userIdentity filter from the DynamoDB TTL guide, plus eventName', () => {
    expect(JSON.parse(ttlRemovals.json)).toEqual({
      eventName: ['REMOVE'],
      userIdentity: { type: ['Service'], principalId: ['dynamodb.amazonaws.com'] },
    });
  });
});

describe('userRemovals', () => {
  it.each([
    ['a deletion by a caller', record('REMOVE'), true],
    ['a TTL deletion', record('REMOVE', ttl), false],
    ['an IAM principal', record('REMOVE', { type: 'User', principalId: 'AIDAEXAMPLE' }), true],
    [
      'a service other than DynamoDB',
      record('REMOVE', { type: 'Service', principalId: 'x.amazonaws.com' }),
      true,
    ],
    ['a modify', record('MODIFY'), false],
  ] as const)('%s → %s', (_name, r, expected) => {
    expect(userRemovals.matches(r)).toBe(expected);
  });
});

describe('eventNames', () => {
  it('matches the listed kinds only', () => {
    const writes = eventNames('INSERT', 'MODIFY');
    expect(writes.json).toBe('{"eventName":["INSERT","MODIFY"]}');
    expect(writes.matches(record('INSERT'))).toBe(true);
    expect(writes.matches(record('MODIFY'))).toBe(true);
    expect(writes.matches(record('REMOVE'))).toBe(false);
  });
});
