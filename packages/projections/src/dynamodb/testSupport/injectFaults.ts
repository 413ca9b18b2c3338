import {
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import type { HasDynamoDbMiddleware } from '../cost/requestCounter.js';

/**
 * A fault made out of a real DynamoDB Local exchange (never a mock of the server):
 * - `failBeforeSending`: the process dies before the request leaves, nothing applied;
 * - `loseResponse`: the request is applied, but the caller sees an error (crash after the write);
 * - `throttle`: ProvisionedThroughputExceeded, nothing applied;
 * - `unprocessed`: a BatchWriteItem/BatchGetItem where the server only gets the first `keep`
 *   requests, the rest come back as `UnprocessedItems`/`UnprocessedKeys`;
 * - `conflict`: a TransactWriteItems cancelled with `TransactionConflict`, nothing applied.
 */
export type RequestFault =
  | { readonly kind: 'failBeforeSending' }
  | { readonly kind: 'loseResponse' }
  | { readonly kind: 'throttle' }
  | { readonly kind: 'unprocessed'; readonly keep: number }
  | { readonly kind: 'conflict' };

/** The request a fault decision is made about. */
export interface RequestInfo {
  /** 0 for the first request after the injector was installed. */
  readonly index: number;
  /** e.g. `BatchWriteItem`, `TransactWriteItems`. */
  readonly operation: string;
}

/** Thrown by `failBeforeSending`/`loseResponse`: stands for the process dying mid-batch. */
export class InjectedCrash extends Error {
  override readonly name = 'InjectedCrash';
}

/** A fault injector installed on a client. */
export interface FaultInjector {
  /** Requests seen so far (faulted ones included). */
  readonly requests: () => number;
  /** Faults fired so far, in order. */
  readonly fired: () => ReadonlyArray<RequestInfo & { readonly fault: RequestFault['kind'] }>;
  readonly detach: () => void;
}

let installed = 0;

type Next = (args: { readonly input: object }) => Promise<{ output: unknown }>;

type Input = Record<string, unknown> & {
  RequestItems?: Record<string, unknown[] | { Keys: unknown[] }>;
};

const throttled = () =>
  new ProvisionedThroughputExceededException({ message: 'injected throttling', $metadata: {} });

const conflicted = (actions: number) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled (injected)',
    $metadata: {},
    CancellationReasons: Array.from({ length: actions }, (_, i) =>
      i === 0 ? { Code: 'TransactionConflict' } : { Code: 'None' },
    ),
  });

/**
 * Installs, outside the SDK's own retry loop, a middleware asking `decide` about every request
 * and turning the chosen ones into faults. Works on a client or a document client (shared stack).
 */
export const injectFaults = (
  client: HasDynamoDbMiddleware,
  decide: (request: RequestInfo) => RequestFault | undefined,
): FaultInjector => {
  let count = 0;
  const fired: Array<RequestInfo & { fault: RequestFault['kind'] }> = [];
  const name = `sluiceFaults${++installed}`;
  const middleware =
    (next: Next, context: { readonly commandName?: string }) =>
    async (args: { readonly input: object }): Promise<{ output: unknown }> => {
      const info = {
        index: count++,
        operation: (context.commandName ?? 'Unknown').replace(/Command$/, ''),
      };
      const fault = decide(info);
      if (fault === undefined) return next(args);
      fired.push({ ...info, fault: fault.kind });
      const input = args.input as Input;
      switch (fault.kind) {
        case 'failBeforeSending':
          throw new InjectedCrash(`injected crash before ${info.operation} #${info.index}`);
        case 'loseResponse':
          await next(args);
          throw new InjectedCrash(`injected lost response of ${info.operation} #${info.index}`);
        case 'throttle':
          throw throttled();
        case 'conflict':
          throw conflicted(((input.TransactItems as unknown[] | undefined) ?? [{}]).length);
        case 'unprocessed':
          // Only batch operations can leave work unprocessed; anything else goes through.
          return input.RequestItems ? sendPart(next, args, input, fault.keep) : next(args);
      }
    };
  // The stack's overloads cannot infer a hand-written initialize middleware; the shape is right.
  client.middlewareStack.add(middleware as never, { step: 'initialize', priority: 'high', name });
  return {
    requests: () => count,
    fired: () => [...fired],
    detach: () => {
      client.middlewareStack.remove(name);
    },
  };
};

// Sends the first `keep` requests of each table and reports the others as unprocessed.
const sendPart = async (
  next: Next,
  args: { readonly input: object },
  input: Input,
  keep: number,
): Promise<{ output: unknown }> => {
  const sent: Record<string, unknown> = {};
  const held: Record<string, unknown> = {};
  for (const [table, requests] of Object.entries(input.RequestItems ?? {})) {
    if (Array.isArray(requests)) {
      sent[table] = requests.slice(0, keep);
      if (requests.length > keep) held[table] = requests.slice(keep);
    } else {
      sent[table] = { ...requests, Keys: requests.Keys.slice(0, keep) };
      if (requests.Keys.length > keep)
        held[table] = { ...requests, Keys: requests.Keys.slice(keep) };
    }
  }
  const nonEmpty = Object.fromEntries(
    Object.entries(sent).filter(
      ([, r]) => (Array.isArray(r) ? r : (r as { Keys: [] }).Keys).length > 0,
    ),
  );
  const isGet = !Array.isArray(Object.values(input.RequestItems ?? {})[0]);
  const result =
    Object.keys(nonEmpty).length > 0
      ? await next({ ...args, input: { ...input, RequestItems: nonEmpty } })
      : { output: { $metadata: {} } };
  const output = result.output as Record<string, unknown>;
  return {
    ...result,
    output: { ...output, [isGet ? 'UnprocessedKeys' : 'UnprocessedItems']: held },
  };
};
