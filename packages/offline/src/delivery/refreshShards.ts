import { matchesFilterCriteria, type ShardInfo } from '@sluice/core';
import { toLambdaRecord } from '../stream/toLambdaRecord.js';
import type { ReportInProgress } from './deliveryReport.js';
import { laneIndexOf } from './lane.js';
import { describeShards, readShard, type ShardRead } from './readShards.js';
import type { ResolvedMappingOptions } from './resolveMappingOptions.js';
import { newShardState, type ShardState, type ShardStates } from './shardState.js';
import type { StreamsApi } from './streamsApi.js';

/** The stream a mapping reads and how it reads it. */
export interface MappedStream {
  readonly client: StreamsApi;
  readonly streamArn: string;
  readonly options: ResolvedMappingOptions;
}

const isClosed = (info: ShardInfo): boolean => info.endingSequenceNumber !== undefined;

// The next read starts after the last record this one returned; a closed shard read to its end
// is ended. Answers whether the shard is ended.
const moveAfter = (state: ShardState, read: ShardRead): boolean => {
  const last = read.records[read.records.length - 1]?.dynamodb?.SequenceNumber;
  if (last !== undefined) state.from = { type: 'AFTER', sequenceNumber: last };
  if (isClosed(state.info) && read.ended) state.ended = true;
  return state.ended;
};

/**
 * The shards that exist when the mapping starts. `LATEST` skips what each holds now (closed
 * shards entirely); `TRIM_HORIZON` reads them from their start.
 */
export const openShards = async (stream: MappedStream): Promise<ShardStates> => {
  const { client, streamArn, options } = stream;
  const shards: ShardStates = new Map();
  for (const info of await describeShards(client, streamArn)) {
    const state = newShardState(info, options.parallelization);
    if (options.startingPosition === 'LATEST') {
      const read = await readShard(client, streamArn, info.shardId, state.from);
      moveAfter(state, read);
    }
    shards.set(info.shardId, state);
  }
  return shards;
};

/** Ends shards gone from the listing and adds new ones; true when anything changed. */
const followListing = (
  shards: ShardStates,
  listed: readonly ShardInfo[],
  parallelization: number,
  report: ReportInProgress,
): boolean => {
  let changed = false;
  const listedIds = new Set(listed.map((info) => info.shardId));
  for (const state of shards.values()) {
    // Gone from the stream (past retention): nothing left to read; queued records still run.
    if (!state.ended && !listedIds.has(state.info.shardId)) {
      state.ended = true;
      report.trimmedReads++;
      changed = true;
    }
  }
  for (const info of listed) {
    const known = shards.get(info.shardId);
    if (known !== undefined) known.info = info;
    else {
      shards.set(info.shardId, newShardState(info, parallelization));
      changed = true;
    }
  }
  return changed;
};

/** Reads what a shard holds past its position into its lanes, filtered; true when anything changed. */
const readIntoLanes = async (
  state: ShardState,
  stream: MappedStream,
  report: ReportInProgress,
): Promise<boolean> => {
  const { client, streamArn, options } = stream;
  const read = await readShard(client, streamArn, state.info.shardId, state.from);
  if (read.trimmed) report.trimmedReads++;
  for (const raw of read.records) {
    const record = toLambdaRecord(raw, streamArn);
    report.recordsRead++;
    if (options.filter !== undefined && !matchesFilterCriteria(options.filter, record)) {
      report.recordsFilteredOut++;
      continue;
    }
    state.lanes[laneIndexOf(record, options.parallelization)]?.queue.push(record);
  }
  const ended = moveAfter(state, read);
  return read.records.length > 0 || ended;
};

/** Lists the shards again and reads new records into lanes; true when anything changed. */
export const refreshShards = async (
  shards: ShardStates,
  stream: MappedStream,
  report: ReportInProgress,
): Promise<boolean> => {
  const listed = await describeShards(stream.client, stream.streamArn);
  let changed = followListing(shards, listed, stream.options.parallelization, report);
  for (const state of shards.values()) {
    if (!state.ended && (await readIntoLanes(state, stream, report))) changed = true;
  }
  return changed;
};
