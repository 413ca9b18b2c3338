import { randomBytes } from 'node:crypto';
import type {
  DescribeStreamInput,
  GetRecordsInput,
  GetShardIteratorInput,
  StreamDescription,
} from '@aws-sdk/client-dynamodb-streams';
import type { Clock, StreamViewType } from '@sluice/core';
import type { KeySchema } from '../item/keySchema.js';
import { hash32 } from '../random/hash32.js';
import { seededRandom } from '../random/seededRandom.js';
import { buildRecord } from './buildRecord.js';
import {
  formatSequenceNumber,
  type SequenceNumbering,
  shardNumberSource,
} from './sequenceNumbers.js';
import { ShardLineage } from './shardLineage.js';
import { RECORD_RETENTION_MS } from './streamLimits.js';
import type { InMemoryStreamRecord, ItemChange } from './streamRecord.js';
import { type InMemoryGetRecordsOutput, StreamsApiReads } from './streamsApiReads.js';

/** Open shards a new stream starts with, for every in-memory table and `given()` alike. */
export const DEFAULT_PARTITION_COUNT = 4;

/** How the stream lays out shards. */
export interface InMemoryStreamOptions {
  /**
   * Partitions (so open shards) the key-hash space starts with. Default 4 (`DEFAULT_PARTITION_COUNT`):
   * several shards, as on AWS, because ordering bugs hide on one. Set 1 to mirror DynamoDB Local.
   */
  readonly partitionCount?: number;
  /** Roll every open shard over once it is this old on the clock. Default: only on demand. */
  readonly rolloverIntervalMs?: number;
  /**
   * `misleading` (default): each shard numbers its records from its own seeded base and stride, so
   * a record written later on one shard may carry a lower number than an earlier one on another,
   * as AWS allows; only one item's history (and a shard's lineage) is ordered. `monotone`: one
   * counter over all shards, as DynamoDB Local's single shard shows.
   */
  readonly sequenceNumbers?: SequenceNumbering;
  /**
   * Seed of the misleading numbering: the same seed and writes give the same numbers. Default 1.
   * Given explicitly, it also fixes the stream's eventIDs and shard ids (derived from the seed and
   * the stream ARN), so a seeded run prints the same ids every time; without it they are random.
   */
  readonly sequenceSeed?: number;
}

/** Everything a stream needs to know about its table. */
export interface InMemoryStreamConfig extends InMemoryStreamOptions {
  readonly tableName: string;
  readonly keySchema: KeySchema;
  readonly viewType: StreamViewType;
  readonly region: string;
  readonly accountId: string;
  readonly clock: Clock;
}

/**
 * The DynamoDB stream of one in-memory table: records per item-level change, spread over shards by
 * partition-key hash, with rollover and split lineage, 24-hour retention and 15-minute iterators,
 * read through the Streams API operations (`describeStream`, `getShardIterator`, `getRecords`).
 * Methods throw the Streams SDK's exceptions, like `DynamoDBStreamsClient` does.
 */
export class InMemoryStream {
  /** `arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>`. */
  readonly streamArn: string;
  /** The stream's creation time as DynamoDB labels it (`2024-01-01T00:00:00.000`). */
  readonly streamLabel: string;
  readonly tableName: string;
  readonly viewType: StreamViewType;
  readonly region: string;
  private readonly createdAt: Date;
  private readonly clock: Clock;
  private readonly keySchema: KeySchema;
  private readonly rolloverIntervalMs: number | undefined;
  private readonly lineage: ShardLineage;
  /** The Streams API's read operations over this stream's shards. */
  private readonly reads: StreamsApiReads;
  /** Records ever appended: the write order, and with the salt each record's unique eventID. */
  private written = 0;
  private lastTime = new Date(Number.NaN);
  private enabled = true;
  /** Random per stream: with the sequence number it makes eventIDs unique across streams. */
  private readonly salt: string;

  constructor(config: InMemoryStreamConfig) {
    const partitions = config.partitionCount ?? DEFAULT_PARTITION_COUNT;
    if (!Number.isInteger(partitions) || partitions < 1 || partitions > 1024) {
      throw new RangeError(`partitionCount must be an integer from 1 to 1024, got ${partitions}`);
    }
    if (config.rolloverIntervalMs !== undefined && !(config.rolloverIntervalMs > 0)) {
      throw new RangeError(`rolloverIntervalMs must be positive, got ${config.rolloverIntervalMs}`);
    }
    this.clock = config.clock;
    this.createdAt = new Date(config.clock.now());
    this.tableName = config.tableName;
    this.viewType = config.viewType;
    this.region = config.region;
    this.keySchema = config.keySchema;
    this.rolloverIntervalMs = config.rolloverIntervalMs;
    this.streamLabel = this.createdAt.toISOString().slice(0, -1);
    this.streamArn = `arn:aws:dynamodb:${config.region}:${config.accountId}:table/${config.tableName}/stream/${this.streamLabel}`;
    this.salt = streamSalt(this.streamArn, config.sequenceSeed);
    this.lineage = new ShardLineage(
      partitions,
      this.createdAt.getTime(),
      shardNumberSource(config.sequenceNumbers ?? 'misleading', config.sequenceSeed ?? 1),
      Number.parseInt(this.salt.slice(0, 8), 16),
    );
    this.reads = new StreamsApiReads({
      streamArn: this.streamArn,
      streamLabel: this.streamLabel,
      tableName: this.tableName,
      viewType: this.viewType,
      keySchema: this.keySchema,
      createdAt: this.createdAt,
      clock: this.clock,
      lineage: this.lineage,
      enabled: () => this.enabled,
      maintain: () => this.maintain(),
    });
  }

  /** Records one item-level change on the shard that owns its key (called by the table). */
  append(change: ItemChange): InMemoryStreamRecord {
    const nowMs = this.clock.now();
    let shard = this.lineage.ownerOf(change.hash);
    const interval = this.rolloverIntervalMs;
    if (interval !== undefined && nowMs - shard.spec.createdAtMs >= interval) {
      shard = this.lineage.rollover(shard, nowMs);
    }
    shard.trim(nowMs - RECORD_RETENTION_MS);
    const sequenceNumber = shard.nextSequenceNumber();
    const record = buildRecord(change, {
      viewType: this.viewType,
      region: this.region,
      // Write order in the id, so `records()` can restore it: sequence numbers order one shard only.
      eventID: this.salt + formatSequenceNumber(++this.written),
      sequenceNumber,
      time: this.secondOf(nowMs),
    });
    shard.append(record);
    return record;
  }

  /** The stream's shards with lineage and sequence ranges (`DescribeStream`), paged by `Limit`. */
  describeStream(input?: DescribeStreamInput): { StreamDescription: StreamDescription } {
    return this.reads.describeStream(input);
  }

  /** An iterator at TRIM_HORIZON, LATEST, AT_ or AFTER_SEQUENCE_NUMBER of a shard (`GetShardIterator`). */
  getShardIterator(input: GetShardIteratorInput): { ShardIterator: string } {
    return this.reads.getShardIterator(input);
  }

  /** Up to `Limit` (default and max 1000) records and the next iterator (`GetRecords`). */
  getRecords(input: GetRecordsInput): InMemoryGetRecordsOutput {
    return this.reads.getRecords(input);
  }

  /** Marks the stream DISABLED (its table stopped writing to it); its records stay readable. */
  disable(): void {
    this.enabled = false;
  }

  /** Closes the open shard `shardId` (or every open shard) and opens a successor over the same keys. */
  rollover(shardId?: string): string[] {
    const nowMs = this.clock.now();
    const targets =
      shardId === undefined ? [...this.lineage.openShards] : [this.lineage.openShard(shardId)];
    return targets.map((shard) => this.lineage.rollover(shard, nowMs).spec.shardId);
  }

  /** Closes the open shard `shardId` and opens two children, each taking half of its key-hash range. */
  split(shardId: string): [string, string] {
    const [left, right] = this.lineage.split(this.lineage.openShard(shardId), this.clock.now());
    return [left.spec.shardId, right.spec.shardId];
  }

  /** Ids of the shards currently open for writes, by hash range. */
  openShardIds(): string[] {
    return this.lineage.openShards.map((s) => s.spec.shardId);
  }

  /** Records held in memory over all shards: retained ones plus trimmed ones not yet released. */
  heldRecordCount(): number {
    this.maintain();
    return this.lineage.shards.reduce((sum, s) => sum + s.heldRecordCount, 0);
  }

  /** Every retained record of every shard, in write order (not sequence order: see `sequenceNumbers`). For tests. */
  records(): InMemoryStreamRecord[] {
    this.maintain();
    // eventIDs are the stream's salt and the zero-padded write index, so string order is write order.
    return this.lineage.shards
      .flatMap((s) => s.retained())
      .sort((a, b) => (a.eventID < b.eventID ? -1 : 1));
  }

  /**
   * The record time for `nowMs`, at second precision. Records of one second share a `Date`: a
   * replay writes many per second and each retained object costs GC time. Treat it as read-only.
   */
  private secondOf(nowMs: number): Date {
    const second = nowMs - (((nowMs % 1000) + 1000) % 1000);
    if (this.lastTime.getTime() !== second) this.lastTime = new Date(second);
    return this.lastTime;
  }

  private maintain(): void {
    this.lineage.maintain(this.clock.now(), this.rolloverIntervalMs);
  }
}

/**
 * 16 hex characters that make one stream's eventIDs and shard ids unique: random, or, for a seeded
 * stream, drawn from the seed and the stream ARN so the same seeded run shows the same ids.
 */
const streamSalt = (streamArn: string, seed: number | undefined): string => {
  if (seed === undefined) return randomBytes(8).toString('hex');
  const random = seededRandom((hash32(streamArn) ^ seed) >>> 0);
  const word = (): string =>
    Math.floor(random.next() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  return word() + word();
};
