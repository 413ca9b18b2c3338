import { validationException } from '../table/dynamoDbErrors.js';
import { wireError } from './wireError.js';
import { toWireJson } from './wireJson.js';

/** The parts of the SDK's `HttpRequest` the in-process service reads. */
export interface WireRequest {
  readonly headers: Record<string, string | undefined>;
  readonly body?: unknown;
}

/** The SDK's `HttpResponse` shape: what a request handler resolves with. */
export interface WireResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array;
}

/** Serves one operation: its name (from `x-amz-target`) and parsed JSON input, to the output. */
export type ServeOperation = (operation: string, input: Record<string, unknown>) => unknown;

const bodyText = (body: unknown): string => {
  if (body === undefined || body === null) return '{}';
  if (typeof body === 'string') return body;
  // Read the bytes as they are: the SDK's body is a Uint8Array subclass whose string methods warn.
  if (body instanceof Uint8Array)
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  throw validationException('The in-process DynamoDB reads request bodies as strings or bytes');
};

const targetOf = (headers: WireRequest['headers']): string => {
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'x-amz-target' && value !== undefined) {
      const dot = value.indexOf('.');
      return dot < 0 ? value : value.slice(dot + 1);
    }
  }
  throw validationException('Missing x-amz-target header');
};

// Request ids count up instead of being random UUIDs: unique per process, and cheaper.
let requests = 0;

const respond = (statusCode: number, body: string): { response: WireResponse } => ({
  response: {
    statusCode,
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-requestid': `in-process-${++requests}`,
    },
    body: Buffer.from(body, 'utf8'),
  },
});

/**
 * An SDK `requestHandler` that answers in process instead of opening a socket: the client still
 * serialises the command, signs it, retries and deserialises answers and errors itself, exactly as
 * it does against DynamoDB, so application code cannot tell the difference.
 */
export const inProcessRequestHandler = (serve: ServeOperation) => ({
  metadata: { handlerProtocol: 'http/1.1' },
  handle: async (request: WireRequest): Promise<{ response: WireResponse }> => {
    try {
      const operation = targetOf(request.headers);
      const input = JSON.parse(bodyText(request.body)) as Record<string, unknown>;
      return respond(200, toWireJson(serve(operation, input) ?? {}));
    } catch (error) {
      const { statusCode, body } =
        error instanceof SyntaxError
          ? wireError(validationException(`Malformed JSON request body: ${error.message}`))
          : wireError(error);
      return respond(statusCode, body);
    }
  },
  updateHttpClientConfig: (): void => {},
  httpHandlerConfigs: (): Record<string, never> => ({}),
  destroy: (): void => {},
});
