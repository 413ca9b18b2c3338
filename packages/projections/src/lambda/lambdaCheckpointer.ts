import type { DynamoDBBatchResponse } from 'aws-lambda';
import type { BatchCheckpoint } from '../checkpoint/batchCheckpoint.js';
import type { Checkpointer } from '../checkpoint/checkpoint.js';

/**
 * Lambda keeps a batch's checkpoint by answering with it (ReportBatchItemFailures): nothing when
 * the batch is complete, else the first record to retry. Lambda resumes from the lowest reported
 * sequence number, so later records come again too. A record without a sequence number is
 * reported as `""`: Lambda then retries the whole batch.
 */
export const lambdaCheckpointer: Checkpointer<BatchCheckpoint, DynamoDBBatchResponse> = {
  store: (checkpoint) =>
    checkpoint.complete
      ? { batchItemFailures: [] }
      : { batchItemFailures: [{ itemIdentifier: checkpoint.retryFrom ?? '' }] },
};
