import type { RetryPolicy } from '../retry/retryPolicy.js';
import type { Telemetry } from './telemetry.js';

/**
 * Retry-policy overrides that count a store's DynamoDB traffic as metrics, by `Operation`
 * (BatchWriteItem, TransactWriteItems, PutItem…): `Requests` for every request sent, retries
 * included, and `Retries` and `Throttles` for each retry. Pass them as a store's or the
 * dead-letter table's `retryPolicy`.
 */
export const storeMetrics = (
  telemetry: Telemetry,
  service = process.env.POWERTOOLS_SERVICE_NAME ?? 'sluice',
): Pick<RetryPolicy, 'onRetry' | 'onRequest'> => ({
  onRequest: (request) => {
    try {
      telemetry.metrics.publish({ Service: service, Operation: request.operation }, [
        { name: 'Requests', unit: 'Count', value: 1 },
      ]);
    } catch {
      // Counting a request must never stop it.
    }
  },
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
