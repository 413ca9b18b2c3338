import type { _Record, DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { ManualClock } from '@sluice/core';
import * as E from 'fp-ts/lib/Either.js';
import { InMemoryLeaseTable } from '../lease/inMemoryLeaseTable.js';
import type { LeaseTable } from '../lease/leaseTable.js';
import type { PollerEvent, PollerFailure } from '../pollerEvents.js';
import type { StreamPollerOptions } from '../pollerOptions.js';
import type { ShardBatchProcessor } from '../shardBatchProcessor.js';
import { type StreamPoller, streamPoller } from '../streamPoller.js';

/** One record as a test processor saw it. */
export interface Seen {
  readonly worker: string;
  readonly shardId: string;
  readonly sequenceNumber: string;
  /** Global order of processing across all pollers. */
  readonly order: number;
}

/** A poller under test with what it did. */
export interface PollerUnderTest {
  readonly poller: StreamPoller;
  readonly events: PollerEvent[];
  readonly result: Promise<E.Either<PollerFailure, void>>;
  /** Makes every later call of this poller hang forever, as if its process died (nothing released). */
  kill(): void;
}

const hangForever = () => new Promise<never>(() => {});

/** Wraps an object so that, once `dead()`, every method call hangs forever (a dead process). */
export const mortal = <T extends object>(target: T, dead: () => boolean): T =>
  new Proxy(target, {
    get(object, key, receiver) {
      const value = Reflect.get(object, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => (dead() ? hangForever() : value.apply(object, args));
    },
  });

/** Pollers sharing one virtual clock, lease table and record log, for unit tests. */
export class PollerHarness {
  readonly leases = new InMemoryLeaseTable();
  readonly seen: Seen[] = [];
  private order = 0;

  constructor(
    readonly streams: Pick<DynamoDBStreamsClient, 'send'>,
    readonly streamArn: string,
    readonly clock: ManualClock = new ManualClock(0),
  ) {}

  /** A processor that logs every record it handles; `hook` may fail part of a batch. */
  processor(
    worker: string,
    hook?: (records: readonly _Record[], shardId: string) => Promise<number | undefined>,
  ): ShardBatchProcessor {
    return async (records, shard) => {
      const stopAt = (await hook?.(records, shard.shardId)) ?? records.length;
      for (const record of records.slice(0, stopAt))
        this.seen.push({
          worker,
          shardId: shard.shardId,
          sequenceNumber: record.dynamodb?.SequenceNumber ?? '',
          order: this.order++,
        });
      return stopAt < records.length
        ? { processed: stopAt, failure: { message: `failed at ${stopAt}` } }
        : { processed: stopAt };
    };
  }

  /** Starts a poller with fast, test-sized lease timings unless overridden. */
  start(
    workerId: string,
    options: Partial<StreamPollerOptions> = {},
    leaseTable: LeaseTable = this.leases,
  ): PollerUnderTest {
    let dead = false;
    const events: PollerEvent[] = [];
    const poller = streamPoller({
      streams: mortal(this.streams, () => dead),
      streamArn: this.streamArn,
      leaseTable: mortal(leaseTable, () => dead),
      processor: this.processor(workerId),
      workerId,
      leaseDurationMs: 3_000,
      idleDelayMs: 200,
      shardSyncIntervalMs: 5_000,
      clock: this.clock,
      random: () => 0.5,
      onEvent: (event) => events.push(event),
      ...options,
    });
    return {
      poller,
      events,
      result: poller.run(),
      kill: () => {
        dead = true;
      },
    };
  }

  /** Sequence numbers processed for a shard, in processing order. */
  processed(shardId: string): string[] {
    return this.seen.filter((s) => s.shardId === shardId).map((s) => s.sequenceNumber);
  }

  /** The stored lease of a shard. */
  async lease(shardId: string) {
    const read = await this.leases.get(this.streamArn, shardId);
    if (E.isLeft(read)) throw new Error(read.left.message);
    return read.right;
  }
}
