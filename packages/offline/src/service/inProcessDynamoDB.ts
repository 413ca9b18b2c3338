import {
  type CreateTableInput,
  DynamoDBClient,
  type DynamoDBClientConfig,
} from '@aws-sdk/client-dynamodb';
import {
  DynamoDBStreamsClient,
  type DynamoDBStreamsClientConfig,
} from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient, type TranslateConfig } from '@aws-sdk/lib-dynamodb';
import { type Clock, systemClock } from '@sluice/core';
import type { InMemoryStreamOptions } from '../stream/inMemoryStream.js';
import type { InMemoryTable } from '../table/inMemoryTable.js';
import { createTable } from './createTable.js';
import { inProcessRequestHandler } from './inProcessRequestHandler.js';
import { serveOperation } from './operations.js';
import { ServiceState } from './serviceState.js';

/** How to create an in-process DynamoDB. */
export interface InProcessDynamoDBOptions {
  /** Time source for stream records, TTL, retention and iterator expiry. Default: the wall clock. */
  readonly clock?: Clock;
  /** Region of the clients, ARNs and records. Default `us-east-1`. */
  readonly region?: string;
  /** Account in ARNs. Default `000000000000`. */
  readonly accountId?: string;
  /** Shard layout of every table's stream (partition count, rollover). */
  readonly stream?: InMemoryStreamOptions;
}

/**
 * The client without the middlewares that only write headers for the network (user agent, host,
 * Lambda trace id): a fifth of a request's time, and nothing reads them in process.
 */
const withoutNetworkHeaders = <C extends { middlewareStack: { remove(name: string): boolean } }>(
  client: C,
): C => {
  for (const name of [
    'getUserAgentMiddleware',
    'hostHeaderMiddleware',
    'recursionDetectionMiddleware',
  ])
    client.middlewareStack.remove(name);
  return client;
};

/** The endpoint the clients name; `.invalid` never resolves, so nothing can leave the process. */
export const IN_PROCESS_ENDPOINT = 'http://in-process.invalid';

/**
 * DynamoDB and DynamoDB Streams in process, served to the unmodified AWS SDK v3: `client()`,
 * `documentClient()` and `streamsClient()` return real SDK clients whose request handler answers
 * from in-memory tables, so the SDK's serialisation, errors and retries run as against AWS, and
 * application code takes the clients as it would in production. Each table is an `InMemoryTable`
 * (`table(name)`) with its stream, TTL sweep and typed helpers.
 */
export class InProcessDynamoDB {
  readonly region: string;
  readonly endpoint = IN_PROCESS_ENDPOINT;
  private readonly state: ServiceState;
  private readonly handler: ReturnType<typeof inProcessRequestHandler>;

  constructor(options: InProcessDynamoDBOptions = {}) {
    this.region = options.region ?? 'us-east-1';
    this.state = new ServiceState({
      clock: options.clock ?? systemClock,
      region: this.region,
      accountId: options.accountId ?? '000000000000',
      stream: options.stream,
    });
    this.handler = inProcessRequestHandler((operation, input) =>
      serveOperation(this.state, operation, input),
    );
  }

  /** A `DynamoDBClient` served by this instance (extra config such as `maxAttempts` is passed on). */
  client(config: Omit<DynamoDBClientConfig, 'endpoint' | 'requestHandler'> = {}): DynamoDBClient {
    return withoutNetworkHeaders(new DynamoDBClient({ ...this.clientConfig(), ...config }));
  }

  /** A `DynamoDBDocumentClient` over a new `client()`, with the DocumentClient's `translateConfig`. */
  documentClient(translateConfig?: TranslateConfig): DynamoDBDocumentClient {
    return DynamoDBDocumentClient.from(this.client(), translateConfig);
  }

  /** A `DynamoDBStreamsClient` reading this instance's streams. */
  streamsClient(): DynamoDBStreamsClient {
    return withoutNetworkHeaders(new DynamoDBStreamsClient(this.clientConfig()));
  }

  /**
   * Creates a table without going through a client (same input and checks as CreateTable) and
   * returns its engine: for test set-up that needs the table before any client exists.
   */
  createTable(input: CreateTableInput): InMemoryTable {
    createTable(this.state, input);
    return this.table(input.TableName as string);
  }

  /** The engine of table `name` (items, stream, `sweepTtl()`, typed helpers); throws if it does not exist. */
  table(name: string): InMemoryTable {
    const table = this.state.tables.get(name);
    if (table === undefined) throw new Error(`no table named ${JSON.stringify(name)}`);
    return table.engine;
  }

  /**
   * Runs TTL on every table that has it enabled (UpdateTimeToLive): expired items are deleted with
   * REMOVE records carrying the DynamoDB service identity. Returns how many items were deleted.
   */
  sweepTtl(): number {
    let deleted = 0;
    for (const { engine } of this.state.tables.values()) deleted += engine.sweepTtl().length;
    return deleted;
  }

  /** Names of the existing tables. */
  tableNames(): string[] {
    return [...this.state.tables.keys()];
  }

  /**
   * The configuration that points an SDK client at this instance (region, dummy credentials, the
   * endpoint and the in-process request handler), for application code that builds its own
   * clients: `new DynamoDBClient({ ...db.clientConfig(), maxAttempts: 2 })`.
   */
  clientConfig(): DynamoDBClientConfig & DynamoDBStreamsClientConfig {
    const url = new URL(this.endpoint);
    return {
      region: this.region,
      endpoint: this.endpoint,
      credentials: { accessKeyId: 'in-process', secretAccessKey: 'in-process' },
      requestHandler: this.handler as DynamoDBClientConfig['requestHandler'],
      // Nothing leaves the process, so the per-request endpoint rules and SigV4 hashing are pure
      // cost (a third of a request's time): the endpoint is fixed and requests pass unsigned.
      endpointProvider: () => ({ url }),
      httpAuthSchemes: [
        {
          schemeId: 'aws.auth#sigv4',
          identityProvider: (config: { getIdentityProvider(id: string): unknown }) =>
            config.getIdentityProvider('aws.auth#sigv4'),
          signer: { sign: async <R>(request: R): Promise<R> => request },
        },
      ] as unknown as DynamoDBClientConfig['httpAuthSchemes'],
    };
  }
}
