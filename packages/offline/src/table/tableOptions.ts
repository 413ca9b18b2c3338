import type { Clock, StreamViewType } from '@sluice/core';
import type { KeySchema } from '../item/keySchema.js';
import type { InMemoryStreamOptions } from '../stream/inMemoryStream.js';
import type { DocumentOptions } from './documentConversion.js';
import type { SecondaryIndexOptions } from './secondaryIndex.js';

/** How to build an in-memory table. */
export interface InMemoryTableOptions extends KeySchema, DocumentOptions {
  readonly tableName: string;
  /** What stream records carry; omit for a table without a stream. */
  readonly streamViewType?: StreamViewType;
  /** Shard layout of the stream (partition count, time-based rollover). */
  readonly stream?: InMemoryStreamOptions;
  /** Name of the TTL attribute (epoch seconds); `sweepTtl()` deletes expired items. */
  readonly timeToLiveAttribute?: string;
  /** Time source for record timestamps, TTL, retention and iterator expiry. Default: the wall clock. */
  readonly clock?: Clock;
  /** Region in ARNs and records. Default `us-east-1`. */
  readonly region?: string;
  /** Account in ARNs. Default `000000000000`. */
  readonly accountId?: string;
  /** Global and local secondary indexes, kept in step with every write. */
  readonly indexes?: readonly SecondaryIndexOptions[];
}

const TABLE_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;

/** Rejects table definitions CreateTable would reject; these are programmer errors, so they throw. */
export const checkTableOptions = (options: InMemoryTableOptions): void => {
  if (!TABLE_NAME.test(options.tableName)) {
    throw new RangeError(
      `table name must be 3-255 characters of a-z A-Z 0-9 _ . -, got ${JSON.stringify(options.tableName)}`,
    );
  }
  for (const key of [options.partitionKey, options.sortKey]) {
    if (key === undefined) continue;
    if (key.name === '' || !['S', 'N', 'B'].includes(key.type)) {
      throw new RangeError(
        `key attributes need a name and a type of S, N or B, got ${JSON.stringify(key)}`,
      );
    }
  }
  if (options.sortKey?.name === options.partitionKey.name) {
    throw new RangeError('the sort key must differ from the partition key');
  }
};
