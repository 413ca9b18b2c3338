import type { RetryPolicy } from '../dynamodb/retry/retryPolicy.js';
import type { Telemetry } from './telemetry.js';

/**
 * Retry-policy overrides that count each DynamoDB retry as metrics: `Retries` and `Throttles`,
 * by `Operation` (BatchWriteItem, TransactWriteItems, PutItem…). Pass them as a store's or the
 * dead-letter table's `retryPolicy`.
 */
export const storeRetryMetrics = (
  telemetry: Telemetry,
  service = process.env.POWERTOOLS_SERVICE_NAME ?? 'sluice',
): Pick<RetryPolicy, 'onRetry'> => ({
  onRetry: (retry) => {
    try {
      telemetry.metrics.publish({ Service: service, Operation: retry.operation }, [
        { name: 'Retries', unit: 'Count', value: 1 },
        { name: 'Throttles', unit: 'Count', value: retry.throttled ? 1 : 0 },
      ]);
    } catch {
      // Counting a retry must never stop it.
    }
  },
});
