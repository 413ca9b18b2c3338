import { hostname } from 'node:os';
import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { type Clock, systemClock } from '@sluice/core';
import type { LeaseTable } from './lease/leaseTable.js';
import type { PollerEvent } from './pollerEvents.js';
import type { ShardBatchProcessor } from './shardBatchProcessor.js';

/** How a stream poller reads, leases and paces itself. Only the first four are required. */
export interface StreamPollerOptions {
  /** A `DynamoDBStreamsClient`, or anything answering `send` for DescribeStream, GetShardIterator, GetRecords. */
  readonly streams: Pick<DynamoDBStreamsClient, 'send'>;
  readonly streamArn: string;
  /** Where leases and checkpoints live, e.g. `dynamoDbLeaseTable({ client, tableName })`. */
  readonly leaseTable: LeaseTable;
  /** Runs each batch (`projectionPoller` plugs in projections). */
  readonly processor: ShardBatchProcessor;
  /**
   * Unique per running poller (default: host, pid and a random suffix). A stable id lets a
   * restarted poller resume its own leases at once instead of waiting for them to expire.
   */
  readonly workerId?: string;
  /**
   * Where shards open at the very first start begin (default TRIM_HORIZON); later shards always
   * start at their beginning. LATEST is stored as each shard's position at that moment, so a
   * restart before the first checkpoint still misses nothing written after the start.
   */
  readonly startingPosition?: 'TRIM_HORIZON' | 'LATEST';
  /** GetRecords limit, 1–1000 (default 1000). */
  readonly batchSize?: number;
  /** Pause after an empty read (default 1000 ms). */
  readonly idleDelayMs?: number;
  /** A lease whose counter stands still this long is taken by another poller (default 10 000 ms). */
  readonly leaseDurationMs?: number;
  /** How often held leases are renewed (default a third of the lease duration). */
  readonly renewIntervalMs?: number;
  /** How often the lease table is scanned for leases to take (default half the lease duration). */
  readonly takeIntervalMs?: number;
  /** How often shards are listed for new ones (default 60 000 ms; also right after a shard ends). */
  readonly shardSyncIntervalMs?: number;
  /** Most leases one poller holds (default unlimited). */
  readonly maxLeases?: number;
  /**
   * What to do when the checkpoint is older than the stream's retention: `fail` (default) stops
   * the poller with a `DataLoss`; `skipToTrimHorizon` reports it and goes on from the oldest record.
   */
  readonly onTrimmed?: 'fail' | 'skipToTrimHorizon';
  /** Retries of a trimmed or not-found read before it counts (DynamoDB Local raises spurious ones on new tables; default 8, about 10–25 s). */
  readonly spuriousErrorRetries?: number;
  /** First and largest pause between retries of a failing batch or call (default 100 ms and 30 000 ms). */
  readonly retryDelayMs?: { readonly base: number; readonly max: number };
  readonly clock?: Clock;
  /** Uniform in [0, 1), for jitter and shuffling (default `Math.random`). */
  readonly random?: () => number;
  /** Observes what the poller does; a throwing listener is ignored. */
  readonly onEvent?: (event: PollerEvent) => void;
}

/** The options with every default filled in. */
export type PollerSettings = Required<Omit<StreamPollerOptions, 'onEvent'>> &
  Pick<StreamPollerOptions, 'onEvent'>;

/** Fills in defaults; throws on settings that are a programmer error (e.g. a batch size of 5000). */
export const pollerSettings = (options: StreamPollerOptions): PollerSettings => {
  const leaseDurationMs = options.leaseDurationMs ?? 10_000;
  const settings: PollerSettings = {
    streams: options.streams,
    streamArn: options.streamArn,
    leaseTable: options.leaseTable,
    processor: options.processor,
    workerId:
      options.workerId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`,
    startingPosition: options.startingPosition ?? 'TRIM_HORIZON',
    batchSize: options.batchSize ?? 1000,
    idleDelayMs: options.idleDelayMs ?? 1000,
    leaseDurationMs,
    renewIntervalMs: options.renewIntervalMs ?? Math.floor(leaseDurationMs / 3),
    takeIntervalMs: options.takeIntervalMs ?? Math.floor(leaseDurationMs / 2),
    shardSyncIntervalMs: options.shardSyncIntervalMs ?? 60_000,
    maxLeases: options.maxLeases ?? Number.POSITIVE_INFINITY,
    onTrimmed: options.onTrimmed ?? 'fail',
    spuriousErrorRetries: options.spuriousErrorRetries ?? 8,
    retryDelayMs: options.retryDelayMs ?? { base: 100, max: 30_000 },
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    onEvent: options.onEvent,
  };
  const { batchSize, renewIntervalMs } = settings;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000)
    throw new RangeError(`batchSize must be an integer from 1 to 1000, got ${batchSize}`);
  if (!(leaseDurationMs > 0) || !(renewIntervalMs > 0) || renewIntervalMs >= leaseDurationMs)
    throw new RangeError(
      `renewIntervalMs (${renewIntervalMs}) must be positive and below leaseDurationMs (${leaseDurationMs})`,
    );
  return settings;
};
