import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';

/** The stream ARN the fixtures use; its table is `Orders`. */
export const STREAM_ARN =
  'arn:aws:dynamodb:eu-west-1:123456789012:table/Orders/stream/2024-05-01T10:00:00.000';

type AttributeMap = Record<string, AttributeValue>;

/** What a fixture record is made of; images are SDK-shaped (binary as Uint8Array). */
export interface RecordParts {
  readonly eventName?: 'INSERT' | 'MODIFY' | 'REMOVE';
  readonly eventID?: string;
  readonly keys?: AttributeMap;
  readonly newImage?: AttributeMap;
  readonly oldImage?: AttributeMap;
  readonly sequenceNumber?: string;
  readonly viewType?: 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';
  readonly userIdentity?: { readonly type: string; readonly principalId: string };
}

const defaults = {
  eventName: 'INSERT',
  eventID: 'c4ca4238a0b923820dcc509a6f75849b',
  keys: { id: { S: 'order-1' } },
  sequenceNumber: '111100000000000000000001',
  viewType: 'NEW_AND_OLD_IMAGES',
} as const;

/** A record exactly as `GetRecords` of `@aws-sdk/client-dynamodb-streams` returns it. */
export const streamsApiRecord = (parts: RecordParts = {}): _Record => ({
  eventID: parts.eventID ?? defaults.eventID,
  eventName: parts.eventName ?? defaults.eventName,
  eventVersion: '1.1',
  eventSource: 'aws:dynamodb',
  awsRegion: 'eu-west-1',
  dynamodb: {
    ApproximateCreationDateTime: new Date('2024-05-01T10:00:00.000Z'),
    Keys: parts.keys ?? defaults.keys,
    ...(parts.newImage === undefined ? {} : { NewImage: parts.newImage }),
    ...(parts.oldImage === undefined ? {} : { OldImage: parts.oldImage }),
    SequenceNumber: parts.sequenceNumber ?? defaults.sequenceNumber,
    SizeBytes: 42,
    StreamViewType: parts.viewType ?? defaults.viewType,
  },
  ...(parts.userIdentity === undefined
    ? {}
    : {
        userIdentity: {
          Type: parts.userIdentity.type,
          PrincipalId: parts.userIdentity.principalId,
        },
      }),
});

/**
 * The same record as Lambda delivers it: JSON on the wire (binary as base64), epoch-seconds time,
 * `eventSourceARN`, lower-case `userIdentity`.
 */
export const lambdaRecord = (parts: RecordParts = {}): DynamoDBRecord => {
  const sdk = streamsApiRecord(parts);
  const json = JSON.parse(
    JSON.stringify(sdk, (_key, value: unknown) =>
      value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value,
    ),
  ) as DynamoDBRecord & { dynamodb: { ApproximateCreationDateTime: unknown } };
  json.dynamodb.ApproximateCreationDateTime = Date.parse('2024-05-01T10:00:00.000Z') / 1000;
  json.eventSourceARN = STREAM_ARN;
  if (parts.userIdentity !== undefined) json.userIdentity = { ...parts.userIdentity };
  return json;
};
