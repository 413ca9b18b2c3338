import { createHash, randomUUID } from 'node:crypto';
import { IdempotentParameterMismatchException } from '@aws-sdk/client-dynamodb';
import type { Clock } from '@sluice/core';

// A digest, not the request: tokens are kept for ten minutes of the clock, which a test's
// manual clock may never reach.
const digest = (request: unknown): string =>
  createHash('sha256').update(JSON.stringify(request)).digest('base64');

/** How long DynamoDB remembers a TransactWriteItems `ClientRequestToken`. */
const TOKEN_LIFETIME_MS = 10 * 60 * 1000;

/**
 * The `ClientRequestToken`s of recent TransactWriteItems, as DynamoDB keeps them for ten minutes:
 * the same token with the same request is answered as done without applying it again (the SDK
 * reuses the token when it retries), with another request it is IdempotentParameterMismatch.
 */
export class TransactionTokens {
  private readonly seen = new Map<string, { readonly request: string; readonly atMs: number }>();

  constructor(private readonly clock: Clock) {}

  /** Whether this request already succeeded under its token; throws if the token meant another. */
  alreadyApplied(token: string | undefined, request: unknown): boolean {
    if (token === undefined) return false;
    this.forgetExpired();
    const previous = this.seen.get(token);
    if (previous === undefined) return false;
    if (previous.request !== digest(request)) {
      throw new IdempotentParameterMismatchException({
        message:
          'Request parameters do not match the parameters of a previous request with the same ClientRequestToken',
        $metadata: {
          httpStatusCode: 400,
          requestId: randomUUID(),
          attempts: 1,
          totalRetryDelay: 0,
        },
      });
    }
    return true;
  }

  /** Remembers a token whose transaction was applied. */
  applied(token: string | undefined, request: unknown): void {
    if (token !== undefined)
      this.seen.set(token, { request: digest(request), atMs: this.clock.now() });
  }

  private forgetExpired(): void {
    const oldest = this.clock.now() - TOKEN_LIFETIME_MS;
    for (const [token, entry] of this.seen) if (entry.atMs < oldest) this.seen.delete(token);
  }
}
