import type { TableSpec } from './tableSpec.js';

/** Partition key of a checkpoint table: `<projection> <stream ARN>` (one consumer of one stream). */
export const CHECKPOINT_PARTITION_KEY = 'consumer';
/** Sort key of a checkpoint table: the shard id, so one Query lists a consumer's shards. */
export const CHECKPOINT_SORT_KEY = 'shardId';

/** The checkpoint table of `dynamoDbCheckpointStore`: one item per projection, stream and shard. */
export const checkpointTableSpec = (tableName: string): TableSpec => ({
  tableName,
  partitionKey: { name: CHECKPOINT_PARTITION_KEY, type: 'S' },
  sortKey: { name: CHECKPOINT_SORT_KEY, type: 'S' },
});
