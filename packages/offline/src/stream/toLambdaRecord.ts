import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import { lambdaShapedRecord } from '@sluice/core';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

/**
 * A Streams-API record (SDK v3 shape, from the in-memory stream or from DynamoDB Local) in the shape
 * Lambda delivers it (`DynamoDBRecord` of `@types/aws-lambda`): `ApproximateCreationDateTime` in
 * epoch seconds, binary as base64, camelCase `userIdentity`, plus `eventSourceARN`. The stream
 * poller's own conversion (`lambdaShapedRecord`), so the driver delivers what the poller reads.
 */
export const toLambdaRecord = (record: _Record, eventSourceARN: string): DynamoDBRecord =>
  lambdaShapedRecord(record, eventSourceARN);

/** A batch of records as the `DynamoDBStreamEvent` a Lambda handler receives. */
export const toLambdaEvent = (
  records: readonly _Record[],
  eventSourceARN: string,
): DynamoDBStreamEvent => ({
  Records: records.map((record) => toLambdaRecord(record, eventSourceARN)),
});
