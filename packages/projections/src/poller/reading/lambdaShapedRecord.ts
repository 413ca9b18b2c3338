import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';

/**
 * A Streams API record in the shape Lambda delivers: epoch-seconds time, `eventSourceARN`, and
 * `userIdentity` as `{ type, principalId }`. Filters (written against Lambda's shape, e.g. the
 * TTL-removal pattern) and dead letters then see the same record whichever runner read it.
 */
export const lambdaShapedRecord = (record: _Record, streamArn: string): DynamoDBRecord => {
  const { dynamodb, userIdentity } = record;
  const time = dynamodb?.ApproximateCreationDateTime;
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion,
    eventSource: record.eventSource,
    awsRegion: record.awsRegion,
    eventSourceARN: streamArn,
    ...(dynamodb === undefined
      ? {}
      : {
          dynamodb: {
            ...dynamodb,
            ...(time instanceof Date
              ? { ApproximateCreationDateTime: Math.floor(time.getTime() / 1000) }
              : {}),
          } as DynamoDBRecord['dynamodb'],
        }),
    ...(userIdentity === undefined
      ? {}
      : { userIdentity: { type: userIdentity.Type, principalId: userIdentity.PrincipalId } }),
  };
};
