import {
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  type GetRecordsOutput,
  GetShardIteratorCommand,
  type GetShardIteratorOutput,
} from '@aws-sdk/client-dynamodb-streams';
import type { Clock } from '@sluice/core';

type Streams = Pick<DynamoDBStreamsClient, 'send'>;

const isCommand = (command: unknown, type: { name: string }): boolean =>
  command instanceof (type as unknown as new () => unknown) ||
  (command as { constructor?: { name?: string } })?.constructor?.name === type.name;

/** What the tracker remembers of one shard. */
interface ShardReads {
  /** When each read of the current run of empty reads was sent. */
  empty: number[];
  /** Sequence number of recent records → the newest creation time (epoch ms) up to that record. */
  readonly pages: Map<string, number>;
}

// Records whose times are remembered per shard: a few pages' worth, the checkpoint is recent.
const KEPT = 5000;

/**
 * Watches a poller's Streams calls to tell when it has caught up with a moment t, per shard:
 * either a `GetRecords` sent after t returned nothing (the poller reads a page only after
 * processing the previous one, so everything written before t is processed), or the shard's
 * checkpoint is at or after a record created after t (a shard keeps write order). Iterators are opaque, so
 * each is traced back to the shard whose `GetShardIterator` or `GetRecords` returned it.
 */
export class ReadTracker {
  /** The client to hand to the poller. */
  readonly client: Streams;
  private readonly shardOfIterator = new Map<string, string>();
  private readonly shards = new Map<string, ShardReads>();

  constructor(inner: Streams, clock: Clock) {
    const send = async (command: unknown): Promise<unknown> => {
      const sentAt = clock.now();
      const output = await (inner.send as (command: unknown) => Promise<unknown>)(command);
      this.observe(command, output, sentAt);
      return output;
    };
    this.client = { send: send as Streams['send'] };
  }

  /** Reads of the shard sent at or after `since` that returned nothing, with no record since. */
  emptyReadsSince(shardId: string, since: number): number {
    return (this.shards.get(shardId)?.empty ?? []).filter((sentAt) => sentAt >= since).length;
  }

  /** The newest creation time (epoch ms) of the shard's records up to `sequenceNumber`, if seen. */
  timeUpTo(shardId: string, sequenceNumber: string): number | undefined {
    return this.shards.get(shardId)?.pages.get(sequenceNumber);
  }

  private shard(shardId: string): ShardReads {
    let reads = this.shards.get(shardId);
    if (reads === undefined) {
      reads = { empty: [], pages: new Map() };
      this.shards.set(shardId, reads);
    }
    return reads;
  }

  private observe(command: unknown, output: unknown, sentAt: number): void {
    const input = (command as { input?: Record<string, unknown> }).input ?? {};
    if (isCommand(command, GetShardIteratorCommand)) {
      const { ShardId } = input;
      const iterator = (output as GetShardIteratorOutput).ShardIterator;
      if (typeof ShardId !== 'string') return;
      this.shard(ShardId);
      if (iterator !== undefined) this.shardOfIterator.set(iterator, ShardId);
      return;
    }
    if (!isCommand(command, GetRecordsCommand)) return;
    const iterator = input.ShardIterator;
    const shardId = typeof iterator === 'string' ? this.shardOfIterator.get(iterator) : undefined;
    if (shardId === undefined) return;
    this.shardOfIterator.delete(iterator as string);
    const { Records = [], NextShardIterator } = output as GetRecordsOutput;
    if (NextShardIterator !== undefined) this.shardOfIterator.set(NextShardIterator, shardId);
    const reads = this.shard(shardId);
    if (Records.length === 0) {
      reads.empty = [...reads.empty.slice(-7), sentAt];
      return;
    }
    reads.empty = [];
    // Per record, the newest creation time up to it: whichever prefix gets checkpointed, its
    // time says what the poller has processed.
    let newest = Number.NEGATIVE_INFINITY;
    for (const record of Records) {
      const time = record.dynamodb?.ApproximateCreationDateTime;
      if (time instanceof Date) newest = Math.max(newest, time.getTime());
      const sequenceNumber = record.dynamodb?.SequenceNumber;
      if (sequenceNumber === undefined) continue;
      reads.pages.set(sequenceNumber, newest);
      if (reads.pages.size > KEPT) reads.pages.delete(reads.pages.keys().next().value!);
    }
  }
}
