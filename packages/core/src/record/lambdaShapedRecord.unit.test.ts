import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { lambdaShapedRecord } from './lambdaShapedRecord.js';
import type { StreamRecordInput } from './streamRecordInput.js';

const bytes = new Uint8Array([0, 1, 2, 250, 255]);

describe('lambdaShapedRecord', () => {
  it('turns a Streams API record into the record Lambda delivers: epoch seconds, base64 binary, camelCase identity, the ARN', () => {
    const record: StreamRecordInput = {
      eventID: 'e',
      eventName: 'REMOVE',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'eu-west-1',
      dynamodb: {
        ApproximateCreationDateTime: new Date(1_700_000_000_900),
        Keys: { id: { B: bytes } },
        OldImage: { id: { B: bytes }, blobs: { BS: [bytes] }, n: { N: '1' } },
        SequenceNumber: '100000000000000000001',
        SizeBytes: 12,
        StreamViewType: 'OLD_IMAGE',
      },
      userIdentity: { Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' },
    };
    const event: DynamoDBStreamEvent = { Records: [lambdaShapedRecord(record, 'arn:stream')] };
    expect(event.Records[0]).toEqual({
      eventID: 'e',
      eventName: 'REMOVE',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'eu-west-1',
      eventSourceARN: 'arn:stream',
      dynamodb: {
        ApproximateCreationDateTime: 1_700_000_000,
        Keys: { id: { B: 'AAEC+v8=' } },
        OldImage: { id: { B: 'AAEC+v8=' }, blobs: { BS: ['AAEC+v8='] }, n: { N: '1' } },
        SequenceNumber: '100000000000000000001',
        SizeBytes: 12,
        StreamViewType: 'OLD_IMAGE',
      },
      userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' },
    });
  });

  it('puts back the type of the empty maps DynamoDB Local writes as a typeless {}, at any depth', () => {
    const record: StreamRecordInput = {
      eventID: 'e',
      eventName: 'INSERT',
      dynamodb: {
        Keys: { id: { S: 'a' } },
        NewImage: {
          id: { S: 'a' },
          empty: {} as never,
          list: { L: [{} as never, { M: { inner: {} as never } }] },
        },
        SequenceNumber: '100000000000000000001',
        StreamViewType: 'NEW_IMAGE',
      },
    };
    expect(lambdaShapedRecord(record, 'arn').dynamodb?.NewImage).toEqual({
      id: { S: 'a' },
      empty: { M: {} },
      list: { L: [{ M: {} }, { M: { inner: { M: {} } } }] },
    });
  });

  it('keeps an attribute named __proto__ as an attribute', () => {
    const record: StreamRecordInput = {
      eventID: 'e',
      dynamodb: {
        NewImage: Object.defineProperty({ id: { S: 'a' } }, '__proto__', {
          value: { B: bytes },
          enumerable: true,
        }),
      },
    };
    const shaped = lambdaShapedRecord(record, 'arn').dynamodb?.NewImage ?? {};
    expect(Object.getPrototypeOf(shaped)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(shaped, '__proto__')?.value).toEqual({ B: 'AAEC+v8=' });
  });
});
