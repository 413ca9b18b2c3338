import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { defaultRetryPolicy, type RetryPolicy } from '../../retry/retryPolicy.js';

/** How to reach the tables of a `dynamoDbProjectionStore`. */
export interface DynamoDbStoreOptions {
  /** A document client (`DynamoDBDocumentClient.from(new DynamoDBClient(...))`). */
  readonly client: DynamoDBDocumentClient;
  /** Physical name of the table a write names (default: the same name), e.g. to add a stage prefix. */
  readonly tableName?: (table: string) => string;
  /** Overrides of the retry policy (attempts, delays; sleep and random for tests). */
  readonly retryPolicy?: Partial<RetryPolicy>;
  /** BatchWriteItem / conditional PutItem requests in flight at once (default 4). */
  readonly concurrency?: number;
}

/** The options with every default filled in. */
export interface StoreContext {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: (table: string) => string;
  readonly policy: RetryPolicy;
  readonly concurrency: number;
}

/** Fills in defaults. */
export const storeContext = (options: DynamoDbStoreOptions): StoreContext => ({
  client: options.client,
  tableName: options.tableName ?? ((table) => table),
  policy: { ...defaultRetryPolicy, ...options.retryPolicy },
  concurrency: Math.max(1, options.concurrency ?? 4),
});
