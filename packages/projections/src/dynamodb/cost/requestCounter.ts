import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Anything carrying a DynamoDB middleware stack: a `DynamoDBClient` or a `DynamoDBDocumentClient`. */
export interface HasDynamoDbMiddleware {
  readonly middlewareStack: DynamoDBClient['middlewareStack'];
}

/** Live counts of the requests a client sent, per DynamoDB operation. */
export interface RequestCounter {
  /** Requests per operation (`BatchWriteItem`, `TransactWriteItems`, …) since the last reset. */
  readonly byOperation: () => Readonly<Record<string, number>>;
  /** All requests since the last reset. */
  readonly total: () => number;
  /** Starts counting from zero again. */
  readonly reset: () => void;
  /** Removes the middleware from the client. */
  readonly detach: () => void;
}

let installed = 0;

/**
 * Counts every HTTP request the client sends, per operation, as DynamoDB bills them: it sits
 * inside the SDK's retry loop, so SDK-level retries count too. Used by the cost benchmark.
 */
export const countRequests = (client: HasDynamoDbMiddleware): RequestCounter => {
  let counts: Record<string, number> = {};
  const name = `sluiceRequestCounter${++installed}`;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
      counts[operation] = (counts[operation] ?? 0) + 1;
      return next(args);
    },
    // finalizeRequest with low priority runs after retryMiddleware, i.e. once per attempt.
    { step: 'finalizeRequest', priority: 'low', name },
  );
  return {
    byOperation: () => ({ ...counts }),
    total: () => Object.values(counts).reduce((a, b) => a + b, 0),
    reset: () => {
      counts = {};
    },
    detach: () => {
      client.middlewareStack.remove(name);
    },
  };
};
