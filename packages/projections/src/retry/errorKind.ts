/** What the store should do about an error a DynamoDB call threw. */
export type ErrorKind = 'retryable' | 'conditionFailed' | 'fatal';

// Throttling and server-side faults: the request did not apply and may simply be sent again.
const RETRYABLE_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionInProgressException',
  'TimeoutError',
  'RequestTimeout',
]);

const RETRYABLE_NETWORK_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNREFUSED']);

// Cancellation reasons that only mean "someone else was busy": the whole transaction can be resent.
const TRANSIENT_CANCELLATIONS = new Set([
  'None',
  'TransactionConflict',
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
  'RequestLimitExceeded',
]);

interface ErrorShape {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown };
  readonly CancellationReasons?: ReadonlyArray<{ readonly Code?: unknown }>;
}

/** Reads the cancellation reason codes of a `TransactionCanceledException` (`None` for uninvolved actions). */
export const cancellationCodes = (error: unknown): ReadonlyArray<string> =>
  ((error as ErrorShape | undefined)?.CancellationReasons ?? []).map((r) =>
    typeof r.Code === 'string' ? r.Code : 'None',
  );

/** Classifies an error thrown by a DynamoDB call: retry it, treat it as a failed guard, or give up. */
export const errorKind = (error: unknown): ErrorKind => {
  if (error === null || typeof error !== 'object') return 'fatal';
  const e = error as ErrorShape;
  const name = typeof e.name === 'string' ? e.name : '';
  if (name === 'ConditionalCheckFailedException') return 'conditionFailed';
  if (name === 'TransactionCanceledException') {
    const codes = cancellationCodes(error);
    if (codes.every((c) => TRANSIENT_CANCELLATIONS.has(c))) return 'retryable';
    if (codes.every((c) => c === 'ConditionalCheckFailed' || TRANSIENT_CANCELLATIONS.has(c)))
      return 'conditionFailed';
    return 'fatal';
  }
  if (RETRYABLE_NAMES.has(name)) return 'retryable';
  if (typeof e.code === 'string' && RETRYABLE_NETWORK_CODES.has(e.code)) return 'retryable';
  const status = e.$metadata?.httpStatusCode;
  return typeof status === 'number' && status >= 500 ? 'retryable' : 'fatal';
};
