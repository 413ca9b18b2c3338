/**
 * A store request that failed for good (after the store's own retries). Stores define their own
 * tagged errors (e.g. `DynamoDbRetriesExhausted`); this is the shape every one of them has.
 */
export interface StoreError {
  readonly _tag: string;
  readonly message: string;
}

/** Applying a planned batch stopped before every write was confirmed. */
export interface ApplyFailed {
  readonly _tag: 'ApplyFailed';
  /**
   * Indices into `PlannedBatch.writes` whose effect is not confirmed (some may have landed; that
   * is safe, every write is idempotent). Every write NOT listed is applied.
   */
  readonly unconfirmed: readonly number[];
  readonly cause: StoreError;
  readonly message: string;
}

/** Builds an `ApplyFailed` from the unconfirmed write indices and the error that stopped the store. */
export const applyFailed = (unconfirmed: readonly number[], cause: StoreError): ApplyFailed => ({
  _tag: 'ApplyFailed',
  unconfirmed,
  cause,
  message: `${unconfirmed.length} write(s) not confirmed: ${cause.message}`,
});
