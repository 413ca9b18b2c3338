import { ManualClock } from '@sluice/core';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { InMemoryTable } from '../table/inMemoryTable.js';
import { toLambdaEvent, toLambdaRecord } from './toLambdaRecord.js';

const setup = () => {
  const clock = new ManualClock(new Date('2024-01-01T00:00:05.700Z'));
  const table = new InMemoryTable({
    tableName: 'files',
    partitionKey: { name: 'id', type: 'S' },
    streamViewType: 'NEW_AND_OLD_IMAGES',
    timeToLiveAttribute: 'ttl',
    clock,
  });
  return { clock, table };
};

describe('toLambdaRecord', () => {
  it('gives the Lambda shape: epoch seconds, eventSourceARN, the same images', () => {
    const { table } = setup();
    const record = table.put({ id: 'a', name: 'x', n: 1 }).record;
    const lambda: DynamoDBRecord = toLambdaRecord(record!, table.stream.streamArn);
    expect(lambda).toEqual({
      eventID: record?.eventID,
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      dynamodb: {
        ApproximateCreationDateTime: Date.parse('2024-01-01T00:00:05Z') / 1000,
        Keys: { id: { S: 'a' } },
        NewImage: { id: { S: 'a' }, name: { S: 'x' }, n: { N: '1' } },
        SequenceNumber: record?.dynamodb.SequenceNumber,
        SizeBytes: record?.dynamodb.SizeBytes,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: table.stream.streamArn,
    });
    expect(JSON.parse(JSON.stringify(lambda))).toEqual(lambda);
  });

  it('encodes binary as base64 at any depth, as Lambda JSON does', () => {
    const { table } = setup();
    const bytes = new Uint8Array([0, 1, 255]);
    const record = table.putItem({
      id: { S: 'a' },
      b: { B: bytes },
      bs: { BS: [bytes] },
      m: { M: { inner: { L: [{ B: bytes }, { S: 'plain' }] } } },
    }).record;
    const image = toLambdaRecord(record!, 'arn').dynamodb?.NewImage;
    expect(image).toEqual({
      id: { S: 'a' },
      b: { B: 'AAH/' },
      bs: { BS: ['AAH/'] },
      m: { M: { inner: { L: [{ B: 'AAH/' }, { S: 'plain' }] } } },
    });
    // The stream's own record is untouched.
    expect(record?.dynamodb.NewImage?.b?.B).toEqual(bytes);
  });

  it('maps the TTL service identity to Lambda camelCase', () => {
    const { clock, table } = setup();
    table.put({ id: 'a', ttl: clock.now() / 1000 });
    const [removal] = table.sweepTtl();
    expect(toLambdaRecord(removal!.record!, 'arn').userIdentity).toEqual({
      type: 'Service',
      principalId: 'dynamodb.amazonaws.com',
    });
  });

  it('wraps a batch as a DynamoDBStreamEvent', () => {
    const { table } = setup();
    table.put({ id: 'a' });
    table.put({ id: 'b' });
    const event = toLambdaEvent(table.stream.records(), table.stream.streamArn);
    expect(event.Records.map((r) => r.dynamodb?.Keys?.id?.S)).toEqual(['a', 'b']);
    expect(event.Records.every((r) => r.eventSourceARN === table.stream.streamArn)).toBe(true);
  });
});
