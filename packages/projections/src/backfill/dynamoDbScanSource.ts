import {
  DescribeTableCommand,
  type DynamoDBClient,
  ScanCommand,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import type { StreamViewType } from '@sluice/core';
import * as E from 'fp-ts/lib/Either.js';
import { done, retrying } from '../retry/retrying.js';
import { defaultRetryPolicy, type RetryPolicy } from '../retry/retryPolicy.js';
import {
  type ScanFailed,
  type ScanSource,
  type SourceDescription,
  scanFailed,
} from './scanSource.js';

/** How to scan a DynamoDB table. */
export interface DynamoDbScanSourceOptions {
  /** A low-level client: items stay in DynamoDB JSON, exactly as a stream record carries them. */
  readonly client: Pick<DynamoDBClient, 'send'>;
  readonly tableName: string;
  /** Strongly consistent pages (twice the read units). Default false; see the README for why that is safe. */
  readonly consistentRead?: boolean;
  /** Throttling and server errors are retried with backoff and jitter (the stores' policy by default). */
  readonly retryPolicy?: Partial<RetryPolicy>;
}

const describeOf = (tableName: string, table: TableDescription): SourceDescription => {
  const schema = table.KeySchema ?? [];
  const keys = ['HASH', 'RANGE'].flatMap((type) => schema.filter((key) => key.KeyType === type));
  const onDemand = table.BillingModeSummary?.BillingMode === 'PAY_PER_REQUEST';
  const units = table.ProvisionedThroughput?.ReadCapacityUnits;
  const stream = table.StreamSpecification;
  return {
    tableName,
    keyAttributes: keys.map((key) => key.AttributeName ?? ''),
    approximateItemCount: table.ItemCount,
    readCapacityUnits: onDemand || !units ? undefined : units,
    streamArn: stream?.StreamEnabled ? table.LatestStreamArn : undefined,
    streamViewType: stream?.StreamEnabled
      ? (stream.StreamViewType as StreamViewType | undefined)
      : undefined,
  };
};

/**
 * Scans a DynamoDB table (AWS or DynamoDB Local, the same calls): `DescribeTable` for the key
 * schema, item count, capacity and stream; parallel `Scan` pages with `ReturnConsumedCapacity`.
 */
export const dynamoDbScanSource = (options: DynamoDbScanSourceOptions): ScanSource => {
  const { client, tableName } = options;
  const policy = { ...defaultRetryPolicy, ...options.retryPolicy };
  const failed =
    (operation: string) =>
    (error: { message: string }): ScanFailed =>
      scanFailed(operation, tableName, error.message);
  return {
    describe: async () => {
      const described = await retrying(policy, 'DescribeTable', tableName, async () =>
        done(await client.send(new DescribeTableCommand({ TableName: tableName }))),
      );
      if (E.isLeft(described)) return E.left(failed('DescribeTable')(described.left));
      const table = described.right.Table;
      if (table === undefined)
        return E.left(scanFailed('DescribeTable', tableName, 'no table description returned'));
      return E.right(describeOf(tableName, table));
    },
    readPage: async (request) => {
      const page = await retrying(policy, 'Scan', tableName, async () =>
        done(
          await client.send(
            new ScanCommand({
              TableName: tableName,
              Segment: request.segment,
              TotalSegments: request.totalSegments,
              ExclusiveStartKey: request.exclusiveStartKey,
              Limit: request.limit,
              ConsistentRead: options.consistentRead ?? false,
              ReturnConsumedCapacity: 'TOTAL',
            }),
          ),
        ),
      );
      if (E.isLeft(page)) return E.left(failed('Scan')(page.left));
      return E.right({
        items: page.right.Items ?? [],
        lastEvaluatedKey: page.right.LastEvaluatedKey,
        readUnits: page.right.ConsumedCapacity?.CapacityUnits ?? 0,
      });
    },
  };
};
