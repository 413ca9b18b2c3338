import type { StoreError } from '../store/storeError.js';

// Request errors that say "this item, as written, can never be stored" rather than "not now" or
// "not anywhere" (a missing table, access denied): they are the record's fault, not the store's.
const PERMANENT_REQUEST_ERRORS = new Set([
  'ValidationException',
  'ItemCollectionSizeLimitExceededException',
]);
const PERMANENT_CANCELLATION = /\b(ValidationError|ItemCollectionSizeLimitExceeded)\b/;

interface FailureShape {
  readonly _tag: string;
  readonly cause?: { readonly name?: unknown; readonly message?: unknown };
}

/**
 * Whether a store error is a write the store refuses for good because of what it holds (an item
 * over 400 KB, a validation error on one key): retrying cannot help, the record that planned it
 * is poison. Throttling, unprocessed items, conflicts and timeouts are not (they are retried).
 */
export const isPermanentWriteFailure = (error: StoreError): boolean => {
  const { _tag, cause } = error as FailureShape;
  if (_tag === 'ItemTooLarge' || _tag === 'WriteRefused') return true;
  if (_tag !== 'DynamoDbRequestFailed' || typeof cause?.name !== 'string') return false;
  if (PERMANENT_REQUEST_ERRORS.has(cause.name)) return true;
  return (
    cause.name === 'TransactionCanceledException' &&
    typeof cause.message === 'string' &&
    PERMANENT_CANCELLATION.test(cause.message)
  );
};
