import { type Clock, systemClock } from '@sluice/core';
import { seededRandom } from '../random/seededRandom.js';
import { InMemoryStream } from '../stream/inMemoryStream.js';
import { InMemoryStreamsClient } from '../stream/inMemoryStreamsClient.js';
import { InMemoryTable } from '../table/inMemoryTable.js';
import { type DeliveryFaults, resolveFaults } from './deliveryFaults.js';
import { type DeliveryReport, emptyReport } from './deliveryReport.js';
import type {
  EventSourceMappingOptions,
  OnFailureDestination,
} from './eventSourceMappingOptions.js';
import { type LanePicker, lanePicker } from './pickLanes.js';
import { type MappedStream, openShards, refreshShards } from './refreshShards.js';
import { resolveMappingOptions } from './resolveMappingOptions.js';
import type { ShardStates } from './shardState.js';
import { type StepContext, stepLane } from './stepLane.js';
import type { StreamHandler } from './streamHandler.js';
import type { StreamsApi } from './streamsApi.js';

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

const defaultRetryDelay = (retry: number): number => Math.min(1000 * 2 ** (retry - 1), 60_000);

const connect = (source: StreamSource): StreamConnection => {
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
 * Everything one drain needs besides the shards: options, faults, the handler, the clock, and the
 * one seeded random that the lane picker shares.
 */
const stepContext = (
  input: EventSourceMappingInput,
  stream: MappedStream,
): Omit<StepContext, 'owed' | 'report'> => {
  const clock =
    input.clock ?? (input.source instanceof InMemoryTable ? input.source.clock : systemClock);
  const functionName = input.functionName ?? 'sluice-test-function';
  const faults = resolveFaults(input.faults);
  return {
    options: stream.options,
    faults,
    random: seededRandom(faults.seed),
    streamArn: stream.streamArn,
    functionName,
    functionArn: `arn:aws:lambda:${regionOf(stream.streamArn)}:000000000000:function:${functionName}`,
    handler: input.handler,
    clock,
    onFailure: input.onFailure,
    nextRequestId: requestIds(),
    retryDelayMs: input.retryDelayMs ?? defaultRetryDelay,
  };
};

/** Reads and steps lanes until a turn neither reads nor delivers anything. */
const drain = async (
  shards: ShardStates,
  stream: MappedStream,
  context: Omit<StepContext, 'owed' | 'report'>,
  pick: LanePicker,
  maxInvocations: number,
): Promise<DeliveryReport> => {
  const report = emptyReport();
  const ctx: StepContext = { ...context, owed: new Set(context.faults.atLeastOnce), report };
  for (;;) {
    const changed = await refreshShards(shards, stream, report);
    let stepped = false;
    for (let lanes = pick(shards); lanes.length > 0; lanes = pick(shards)) {
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
};

/**
 * Connects a handler to a stream as a Lambda event source mapping does. `StartingPosition` applies
 * to the shards that exist now; shards that appear later are read from their start, and a child
 * shard waits until its parent is done.
 */
export const createEventSourceMapping = async (
  input: EventSourceMappingInput,
): Promise<EventSourceMapping> => {
  const stream: MappedStream = {
    ...connect(input.source),
    options: resolveMappingOptions(input.options),
  };
  const context = stepContext(input, stream);
  const pick = lanePicker(context.faults, context.random);
  const maxInvocations = input.maxInvocationsPerDrain ?? 100_000;
  const shards = await openShards(stream);
  return { drain: () => drain(shards, stream, context, pick, maxInvocations) };
};

/** Creates a mapping and drains it once: the whole stream delivered to the handler. */
export const deliverStream = async (input: EventSourceMappingInput): Promise<DeliveryReport> =>
  (await createEventSourceMapping(input)).drain();
