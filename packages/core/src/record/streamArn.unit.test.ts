import { describe, expect, it } from 'vitest';
import { parseStreamArn } from './streamArn.js';

describe('parseStreamArn', () => {
  it('reads region, account, table and stream label', () => {
    expect(
      parseStreamArn(
        'arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2015-06-27T00:48:05.899',
      ),
    ).toEqual({
      region: 'us-east-1',
      accountId: '123456789012',
      tableName: 'Orders',
      streamLabel: '2015-06-27T00:48:05.899',
    });
  });

  it('reads other partitions and DynamoDB Local ARNs', () => {
    expect(
      parseStreamArn('arn:aws-cn:dynamodb:cn-north-1:1:table/a.b-c_d/stream/x')?.tableName,
    ).toBe('a.b-c_d');
    expect(
      parseStreamArn(
        'arn:aws:dynamodb:ddblocal:000000000000:table/t/stream/2026-11-21T06:43:18.126',
      )?.region,
    ).toBe('ddblocal');
  });

  it.each([
    'arn:aws:kinesis:us-east-1:1:stream/orders',
    'arn:aws:dynamodb:us-east-1:1:table/Orders',
    'not an arn',
    '',
  ])('returns undefined for %j', (arn) => {
    expect(parseStreamArn(arn)).toBeUndefined();
  });
});
