/** The name and message of the error DynamoDB (or the network) last returned, kept for diagnosis. */
export interface DynamoDbCause {
  readonly name: string;
  readonly message: string;
}

/** DynamoDB rejected a request for a reason retrying cannot fix (validation, missing table, access). */
export interface DynamoDbRequestFailed {
  readonly _tag: 'DynamoDbRequestFailed';
  readonly operation: string;
  readonly tableName: string;
  readonly cause: DynamoDbCause;
  readonly message: string;
}

/** A retryable fault (throttling, conflicts, unprocessed items) outlasted the retry policy. */
export interface DynamoDbRetriesExhausted {
  readonly _tag: 'DynamoDbRetriesExhausted';
  readonly operation: string;
  readonly tableName: string;
  readonly attempts: number;
  readonly cause: DynamoDbCause;
  readonly message: string;
}

/** Any failure of a DynamoDB request once retries are done. */
export type DynamoDbError = DynamoDbRequestFailed | DynamoDbRetriesExhausted;

/** Extracts a printable name and message from whatever a client call threw. */
export const causeOf = (error: unknown): DynamoDbCause => {
  if (error instanceof Error) return { name: error.name, message: error.message };
  const shape = error as { name?: unknown; message?: unknown } | null;
  if (typeof shape?.name === 'string' && typeof shape.message === 'string')
    return { name: shape.name, message: shape.message };
  return { name: 'UnknownError', message: String(error) };
};

/** Builds the error for a request DynamoDB refused for good. */
export const requestFailed = (
  operation: string,
  tableName: string,
  error: unknown,
): DynamoDbRequestFailed => {
  const cause = causeOf(error);
  return {
    _tag: 'DynamoDbRequestFailed',
    operation,
    tableName,
    cause,
    message: `${operation} on ${tableName} failed: ${cause.name}: ${cause.message}`,
  };
};

/** Builds the error for a retryable fault that did not clear within the allowed attempts. */
export const retriesExhausted = (
  operation: string,
  tableName: string,
  attempts: number,
  error: unknown,
): DynamoDbRetriesExhausted => {
  const cause = causeOf(error);
  return {
    _tag: 'DynamoDbRetriesExhausted',
    operation,
    tableName,
    attempts,
    cause,
    message: `${operation} on ${tableName} still failing after ${attempts} attempts: ${cause.name}: ${cause.message}`,
  };
};
