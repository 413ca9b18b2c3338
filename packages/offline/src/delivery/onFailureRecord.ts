import type { DynamoDBRecord } from 'aws-lambda';

/** Why Lambda gave up on a batch. */
export type FailureCondition = 'RetryAttemptsExhausted' | 'RecordAgeExceeded';

/** Where the discarded records are in the stream; Lambda sends this, never the records. */
export interface DDBStreamBatchInfo {
  readonly shardId: string;
  readonly startSequenceNumber: string;
  readonly endSequenceNumber: string;
  /** ISO-8601 at second precision, e.g. `2019-11-14T00:13:19Z`. */
  readonly approximateArrivalOfFirstRecord: string;
  readonly approximateArrivalOfLastRecord: string;
  readonly batchSize: number;
  readonly streamArn: string;
}

/** The invocation record an on-failure destination (SQS, SNS) receives for a DynamoDB stream. */
export interface OnFailureRecord {
  readonly requestContext: {
    readonly requestId: string;
    readonly functionArn: string;
    readonly condition: FailureCondition;
    readonly approximateInvokeCount: number;
  };
  /** Absent when the records expired before any invocation. */
  readonly responseContext?: {
    readonly statusCode: number;
    readonly executedVersion: string;
    /** `Unhandled` after a function error; absent after a valid partial-failure response. */
    readonly functionError?: 'Unhandled';
  };
  readonly version: '1.0';
  readonly timestamp: string;
  readonly DDBStreamBatchInfo: DDBStreamBatchInfo;
}

const arrival = (record: DynamoDBRecord | undefined): string => {
  const seconds = record?.dynamodb?.ApproximateCreationDateTime ?? 0;
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
};

/** What the driver knows when it discards records. */
export interface Discard {
  readonly records: readonly DynamoDBRecord[];
  readonly shardId: string;
  readonly streamArn: string;
  readonly condition: FailureCondition;
  readonly invokeCount: number;
  /** How the last invocation ended; undefined when there was none. */
  readonly lastOutcome: 'FunctionError' | 'PartialFailure' | undefined;
  readonly requestId: string;
  readonly functionArn: string;
  readonly now: Date;
}

/** Builds the on-failure invocation record for discarded records (all from one shard, in order). */
export const onFailureRecord = (discard: Discard): OnFailureRecord => {
  const first = discard.records[0];
  const last = discard.records[discard.records.length - 1];
  return {
    requestContext: {
      requestId: discard.requestId,
      functionArn: discard.functionArn,
      condition: discard.condition,
      approximateInvokeCount: discard.invokeCount,
    },
    ...(discard.lastOutcome === undefined
      ? {}
      : {
          responseContext: {
            statusCode: 200,
            executedVersion: '$LATEST',
            ...(discard.lastOutcome === 'FunctionError'
              ? { functionError: 'Unhandled' as const }
              : {}),
          },
        }),
    version: '1.0',
    timestamp: discard.now.toISOString(),
    DDBStreamBatchInfo: {
      shardId: discard.shardId,
      startSequenceNumber: first?.dynamodb?.SequenceNumber ?? '',
      endSequenceNumber: last?.dynamodb?.SequenceNumber ?? '',
      approximateArrivalOfFirstRecord: arrival(first),
      approximateArrivalOfLastRecord: arrival(last),
      batchSize: discard.records.length,
      streamArn: discard.streamArn,
    },
  };
};
