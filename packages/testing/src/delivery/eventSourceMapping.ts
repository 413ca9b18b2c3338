import { type Clock, matchesFilterCriteria, type ShardInfo, systemClock } from '@sluice/core';
import { seededRandom } from '../random/seededRandom.js';
import { InMemoryStream } from '../stream/inMemoryStream.js';
import { InMemoryStreamsClient } from '../stream/inMemoryStreamsClient.js';
import { toLambdaRecord } from '../stream/toLambdaRecord.js';
import { InMemoryTable } from '../table/inMemoryTable.js';
import { type DeliveryFaults, resolveFaults } from './deliveryFaults.js';
import { type DeliveryReport, emptyReport, type ReportInProgress } from './deliveryReport.js';
import type {
  EventSourceMappingOptions,
  OnFailureDestination,
} from './eventSourceMappingOptions.js';
import { type Lane, laneIndexOf, newLane } from './lane.js';
import { describeShards, type ReadFrom, readShard } from './readShards.js';
import { resolveMappingOptions } from './resolveMappingOptions.js';
import { type StepContext, stepLane } from './stepLane.js';
import type { StreamHandler } from './streamHandler.js';
import type { StreamsApi } from './streamsApi.js';

/** A stream to read: an in-memory table or stream, or any Streams API client and a stream ARN. */
/** A stream read through the Streams API: `InProcessDynamoDB`'s or DynamoDB Local's client and an ARN. */
export interface StreamConnection {
  readonly client: StreamsApi;
  readonly streamArn: string;
}

/** What the driver reads: an in-memory table or stream, or any stream through the Streams API. */
export type StreamSource = InMemoryTable | InMemoryStream | StreamConnection;

/** What an event source mapping connects: a stream, a handler, and how to deliver. */
export interface EventSourceMappingInput {
  readonly source: StreamSource;
  readonly handler: StreamHandler;
  readonly options?: EventSourceMappingOptions;
  readonly faults?: DeliveryFaults;
  /**
   * Record age is measured on it, and a clock with `advance(ms)` (ManualClock) is moved by the
   * retry delays. Default: the table's clock for an `InMemoryTable`, else the wall clock.
   */
  readonly clock?: Clock;
  /** The on-failure destination; discarded batches are also listed in the report. */
  readonly onFailure?: OnFailureDestination;
  readonly functionName?: string;
  /** Simulated wait before retry number `retry`; default 1 s doubling up to 60 s. */
  readonly retryDelayMs?: (retry: number) => number;
  /** A drain that invokes more often than this throws: the handler never lets records through. */
  readonly maxInvocationsPerDrain?: number;
}

/** A running event source mapping; `drain()` delivers everything readable now. */
export interface EventSourceMapping {
  /**
   * Reads every shard and delivers until nothing is left: batches, retries, discards, and records
   * the handler itself wrote to the table meanwhile. Resolves with what happened.
   */
  drain(): Promise<DeliveryReport>;
}

interface ShardState {
  info: ShardInfo;
  from: ReadFrom;
  /** Closed and read to its end. */
  ended: boolean;
  readonly lanes: Lane[];
}

const defaultRetryDelay = (retry: number): number => Math.min(1000 * 2 ** (retry - 1), 60_000);

const connect = (source: StreamSource): { client: StreamsApi; streamArn: string } => {
  if (source instanceof InMemoryTable) return connect(source.stream);
  if (source instanceof InMemoryStream) {
    return { client: new InMemoryStreamsClient([source]), streamArn: source.streamArn };
  }
  return source;
};

const regionOf = (streamArn: string): string => streamArn.split(':')[3] || 'local';

const requestIds = (): (() => string) => {
  let next = 0;
  return () => `00000000-0000-4000-8000-${(next++).toString(16).padStart(12, '0')}`;
};

/**
 * Connects a handler to a stream as a Lambda event source mapping does. `StartingPosition` applies
 * to the shards that exist now; shards that appear later are read from their start, and a child
 * shard waits until its parent is done.
 */
export const createEventSourceMapping = async (
  input: EventSourceMappingInput,
): Promise<EventSourceMapping> => {
  const { client, streamArn } = connect(input.source);
  const options = resolveMappingOptions(input.options);
  const faults = resolveFaults(input.faults);
  const random = seededRandom(faults.seed);
  const clock =
    input.clock ?? (input.source instanceof InMemoryTable ? input.source.clock : systemClock);
  const functionName = input.functionName ?? 'sluice-test-function';
  const functionArn = `arn:aws:lambda:${regionOf(streamArn)}:000000000000:function:${functionName}`;
  const maxInvocations = input.maxInvocationsPerDrain ?? 100_000;
  const nextRequestId = requestIds();
  const shards = new Map<string, ShardState>();
  let cursor = 0;

  const lanesOf = (shardId: string) =>
    Array.from({ length: options.parallelization }, (_, index) => newLane(shardId, index));

  // LATEST: skip what each existing shard holds now (closed shards entirely).
  for (const info of await describeShards(client, streamArn)) {
    const state: ShardState = {
      info,
      from: { type: 'TRIM_HORIZON' },
      ended: false,
      lanes: lanesOf(info.shardId),
    };
    if (options.startingPosition === 'LATEST') {
      const read = await readShard(client, streamArn, info.shardId, state.from);
      const last = read.records[read.records.length - 1]?.dynamodb?.SequenceNumber;
      if (last !== undefined) state.from = { type: 'AFTER', sequenceNumber: last };
      state.ended = info.endingSequenceNumber !== undefined && read.ended;
    }
    shards.set(info.shardId, state);
  }

  /** Reads new records into lanes; true when anything changed. */
  const refresh = async (report: ReportInProgress): Promise<boolean> => {
    let changed = false;
    const listed = await describeShards(client, streamArn);
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
      if (known === undefined) {
        shards.set(info.shardId, {
          info,
          from: { type: 'TRIM_HORIZON' },
          ended: false,
          lanes: lanesOf(info.shardId),
        });
        changed = true;
      } else {
        known.info = info;
      }
    }
    for (const state of shards.values()) {
      if (state.ended) continue;
      const read = await readShard(client, streamArn, state.info.shardId, state.from);
      if (read.trimmed) report.trimmedReads++;
      for (const raw of read.records) {
        const record = toLambdaRecord(raw, streamArn);
        report.recordsRead++;
        changed = true;
        if (options.filter !== undefined && !matchesFilterCriteria(options.filter, record)) {
          report.recordsFilteredOut++;
          continue;
        }
        state.lanes[laneIndexOf(record, options.parallelization)]?.queue.push(record);
      }
      const last = read.records[read.records.length - 1]?.dynamodb?.SequenceNumber;
      if (last !== undefined) state.from = { type: 'AFTER', sequenceNumber: last };
      if (state.info.endingSequenceNumber !== undefined && read.ended) {
        state.ended = true;
        changed = true;
      }
    }
    return changed;
  };

  const done = (state: ShardState): boolean =>
    state.ended && state.lanes.every((lane) => lane.queue.length === 0);

  // Every ancestor must be done, not just the parent: an empty parent (two roll-overs in a row)
  // is done at once while the grandparent may still hold records of the same keys.
  // An ancestor we never saw (trimmed, or from before the stream) cannot hold its children back.
  const parentDone = (state: ShardState): boolean => {
    let parentId = state.info.parentShardId;
    while (parentId !== undefined) {
      const parent = shards.get(parentId);
      if (parent === undefined) return true;
      if (!done(parent)) return false;
      parentId = parent.info.parentShardId;
    }
    return true;
  };

  /** Lanes with work whose shard may run, round-robin from the cursor or shuffled. */
  const pick = (): Lane[] => {
    const lanes = [...shards.values()].flatMap((state) => (parentDone(state) ? state.lanes : []));
    const ready = lanes.filter((lane) => lane.queue.length > 0);
    if (ready.length === 0) return [];
    if (faults.interleaveShards) {
      for (let i = ready.length - 1; i > 0; i--) {
        const j = random.int(0, i);
        [ready[i], ready[j]] = [ready[j] as Lane, ready[i] as Lane];
      }
    } else {
      const start = cursor % ready.length;
      ready.push(...ready.splice(0, start));
      cursor++;
    }
    return ready.slice(0, faults.concurrentBatches);
  };

  return {
    drain: async () => {
      const report = emptyReport();
      const ctx: StepContext = {
        options,
        faults,
        owed: new Set(faults.atLeastOnce),
        random,
        report,
        streamArn,
        functionName,
        functionArn,
        handler: input.handler,
        clock,
        onFailure: input.onFailure,
        nextRequestId,
        retryDelayMs: input.retryDelayMs ?? defaultRetryDelay,
      };
      for (;;) {
        const changed = await refresh(report);
        let stepped = false;
        for (let lanes = pick(); lanes.length > 0; lanes = pick()) {
          stepped = true;
          await Promise.all(lanes.map((lane) => stepLane(lane, ctx)));
          if (report.invocations > maxInvocations) {
            throw new Error(
              `drain() invoked the handler more than ${maxInvocations} times: a batch keeps failing ` +
                'and never expires (set MaximumRetryAttempts, or pass a ManualClock so retries age records).',
            );
          }
        }
        if (!changed && !stepped) {
          report.faults.notInjected = [...ctx.owed];
          return report;
        }
      }
    },
  };
};

/** Creates a mapping and drains it once: the whole stream delivered to the handler. */
export const deliverStream = async (input: EventSourceMappingInput): Promise<DeliveryReport> =>
  (await createEventSourceMapping(input)).drain();
