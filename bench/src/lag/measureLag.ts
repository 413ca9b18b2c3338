import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { measurePollerLag, type PollerLag } from './measurePollerLag.js';

/** The write rate, the number of writes, and the poller idle delays to try. */
export interface LagOptions {
  readonly writesPerSecond: number;
  readonly writes: number;
  /** `undefined` stands for the poller's default. */
  readonly idleDelaysMs: readonly (number | undefined)[];
}

/** Clients of a DynamoDB Local with streams. */
export interface LagClients {
  readonly dynamodb: DynamoDBClient;
  readonly streams: Pick<DynamoDBStreamsClient, 'send'>;
}

/**
 * Issue 7, measurement 5: write→projected latency of a stream poller on DynamoDB Local, through
 * `measurePollerLag` (beside it), once per idle delay.
 */
export const measureLag = async (
  clients: LagClients,
  options: LagOptions,
): Promise<PollerLag[]> => {
  const results: PollerLag[] = [];
  for (const idleDelayMs of options.idleDelaysMs)
    results.push(
      await measurePollerLag({
        ...clients,
        writesPerSecond: options.writesPerSecond,
        writes: options.writes,
        ...(idleDelayMs === undefined ? {} : { idleDelayMs }),
      }),
    );
  return results;
};
