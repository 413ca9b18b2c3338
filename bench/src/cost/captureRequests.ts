import type { HasDynamoDbMiddleware } from '@sluice/projections/dynamodb';
import type { CapturedRequest } from './capacityUnits.js';

/** The requests a client sent since the last reset, as they went over the wire. */
export interface RequestCapture {
  readonly requests: () => readonly CapturedRequest[];
  readonly reset: () => void;
  readonly detach: () => void;
}

let installed = 0;

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
 * `countRequests` counts them, so their capacity units can be priced afterwards.
 */
export const captureRequests = (client: HasDynamoDbMiddleware): RequestCapture => {
  let captured: CapturedRequest[] = [];
  const name = `benchRequestCapture${++installed}`;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const body = (args.request as { body?: unknown }).body;
      captured.push({
        operation: (context.commandName ?? 'Unknown').replace(/Command$/, ''),
        body: JSON.parse(bodyText(body) || '{}'),
      });
      return next(args);
    },
    // finalizeRequest with low priority runs after retryMiddleware, i.e. once per attempt.
    { step: 'finalizeRequest', priority: 'low', name },
  );
  return {
    requests: () => captured.slice(),
    reset: () => {
      captured = [];
    },
    detach: () => {
      client.middlewareStack.remove(name);
    },
  };
};
