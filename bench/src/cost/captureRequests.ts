import type { HasDynamoDbMiddleware } from '@sluice/projections/dynamodb';
import { type CapturedRequest, largerStored, type StoredBytes } from './capacityUnits.js';
import type { ItemSizesNow } from './touchedItemSizes.js';

/** The requests a client sent since the last reset, as they went over the wire. */
export interface RequestCapture {
  readonly requests: () => readonly CapturedRequest[];
  /** Forgets what was captured; `sized`: read item sizes around the requests that follow. */
  readonly reset: (sized?: boolean) => void;
  readonly detach: () => void;
}

let installed = 0;

type Captured = { operation: string; body: Record<string, unknown>; stored?: StoredBytes };

// Recent SDKs hand the body over as bytes (a Uint8Array subclass), older ones as a string.
const bodyText = (body: unknown): string =>
  typeof body === 'string'
    ? body
    : body instanceof Uint8Array
      ? Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8')
      : body === undefined
        ? ''
        : String(body);

/**
 * Keeps every HTTP request the client sends (operation and JSON body), once per attempt as
 * `countRequests` counts them, so their capacity units can be priced afterwards. With `sizes`,
 * after a `reset(true)`, also the stored sizes of the items each request touches, the larger of
 * just before and just after it (what DynamoDB bills a write on).
 */
export const captureRequests = (
  client: HasDynamoDbMiddleware,
  sizes?: ItemSizesNow,
): RequestCapture => {
  let captured: Captured[] = [];
  let sizing: ItemSizesNow | undefined;
  const name = `benchRequestCapture${++installed}`;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const body = (args.request as { body?: unknown }).body;
      const request: Captured = {
        operation: (context.commandName ?? 'Unknown').replace(/Command$/, ''),
        body: JSON.parse(bodyText(body) || '{}'),
      };
      captured.push(request);
      const sized = sizing;
      if (sized === undefined) return next(args);
      const before = await sized(request);
      try {
        return await next(args);
      } finally {
        // A refused write (a failed condition) is billed too: on the item as it stayed.
        request.stored = largerStored(before, await sized(request));
      }
    },
    // finalizeRequest with low priority runs after retryMiddleware, i.e. once per attempt.
    { step: 'finalizeRequest', priority: 'low', name },
  );
  return {
    requests: () => captured.slice(),
    reset: (sized = false) => {
      captured = [];
      sizing = sized ? sizes : undefined;
    },
    detach: () => {
      client.middlewareStack.remove(name);
    },
  };
};
