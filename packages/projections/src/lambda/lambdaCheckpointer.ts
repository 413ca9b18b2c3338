import type { DynamoDBBatchResponse } from 'aws-lambda';
import type { BatchResult } from '../batch/batchResult.js';

/**
 * The ReportBatchItemFailures response: nothing on success; otherwise the first record to retry.
 * Lambda resumes from the lowest reported sequence number, so later records come again too.
 * A record without a sequence number is reported as `""`: Lambda then retries the whole batch.
 */
export const batchResponse = (result: BatchResult): DynamoDBBatchResponse =>
  result._tag === 'BatchCompleted'
    ? { batchItemFailures: [] }
    : { batchItemFailures: [{ itemIdentifier: result.failedAt ?? '' }] };
