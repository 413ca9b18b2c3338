import { toWireJson } from './wireJson.js';

/** What the wire answers for a failed operation: an HTTP status and the AWS JSON error body. */
export interface WireError {
  readonly statusCode: number;
  readonly body: string;
}

const NAMESPACE = 'com.amazonaws.dynamodb.v20120810#';

/** Members of DynamoDB's exceptions that travel beside `message` (the SDK deserialises them). */
const EXTRA_MEMBERS = ['Item', 'CancellationReasons'] as const;

const isServiceException = (error: unknown): error is Error & { $fault: string } =>
  error instanceof Error && typeof (error as { $fault?: unknown }).$fault === 'string';

/**
 * The wire form of an error thrown while serving a request. The engine throws the SDK's own
 * exceptions; they become `{ __type, message, ... }` so the client's deserialiser rebuilds them.
 * Anything else is a bug in the engine, answered as a 500 the SDK reports as InternalServerError.
 */
export const wireError = (error: unknown): WireError => {
  if (!isServiceException(error)) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return {
      statusCode: 500,
      body: toWireJson({ __type: `${NAMESPACE}InternalServerError`, message }),
    };
  }
  const body: Record<string, unknown> = {
    __type: `${NAMESPACE}${error.name}`,
    message: error.message,
  };
  for (const member of EXTRA_MEMBERS) {
    const value = (error as unknown as Record<string, unknown>)[member];
    if (value !== undefined) body[member] = value;
  }
  return { statusCode: error.$fault === 'server' ? 500 : 400, body: toWireJson(body) };
};
