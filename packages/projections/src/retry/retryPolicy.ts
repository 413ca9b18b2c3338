/** How the DynamoDB store retries throttling, conflicts and unprocessed items. */
export interface RetryPolicy {
  /** Consecutive attempts without progress before giving up with a typed error. */
  readonly maxAttempts: number;
  /** Delay cap of the first retry; each further retry doubles it (exponential backoff). */
  readonly baseDelayMs: number;
  /** Upper bound of any single delay. */
  readonly maxDelayMs: number;
  /** Injected so tests can run without waiting. */
  readonly sleep: (ms: number) => Promise<void>;
  /** Uniform in [0, 1); injected so tests are deterministic. */
  readonly random: () => number;
  /** Told of every retry before its delay (metrics: see `storeMetrics`); must not throw. */
  readonly onRetry?: (retry: RetryEvent) => void;
  /** Told of every request sent, retries included (metrics: see `storeMetrics`); must not throw. */
  readonly onRequest?: (request: RequestEvent) => void;
}

/** One request sent to DynamoDB: which operation, on which table. */
export interface RequestEvent {
  readonly operation: string;
  readonly tableName: string;
}

/** One retry of a DynamoDB request: which operation, on which table, and why. */
export interface RetryEvent {
  readonly operation: string;
  readonly tableName: string;
  /** The error name, or `UnprocessedItems` for work a batch request left undone. */
  readonly cause: string;
  /** Whether DynamoDB throttled the request (capacity or request rate exceeded). */
  readonly throttled: boolean;
}

/** Ten attempts, 50 ms doubling to 5 s, full jitter on real timers. */
export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 10,
  baseDelayMs: 50,
  maxDelayMs: 5_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/**
 * Delay before retry number `retry` (0 for the first retry): "full jitter", uniform in
 * [0, min(cap, base·2^retry)), which spreads competing writers apart better than fixed steps.
 */
export const backoffDelay = (policy: RetryPolicy, retry: number): number =>
  Math.floor(policy.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry));
