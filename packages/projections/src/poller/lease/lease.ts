import { SequenceNumberCodec } from '@sluice/core';
import * as t from 'io-ts';

/** Sentinels a lease checkpoint can hold besides a sequence number (as the Kinesis Client Library's). */
export const LeaseSentinelCodec = t.keyof({
  /** Nothing processed yet; start at the oldest record still kept. */
  TRIM_HORIZON: null,
  /**
   * Written by older versions only: a start at the newest record, which moved on every restart
   * until the first checkpoint. A reader now fixes it to the shard's position before reading.
   */
  LATEST: null,
  /** The shard is closed and every record of it was processed: its children may start. */
  SHARD_END: null,
});

/** Where a shard's processing stands: a sentinel, or the last sequence number processed. */
export const LeaseCheckpointCodec = t.union([LeaseSentinelCodec, SequenceNumberCodec]);

/** Where a shard's processing stands: a sentinel, or the last sequence number processed. */
export type LeaseCheckpoint = t.TypeOf<typeof LeaseCheckpointCodec>;

/**
 * One shard's lease, as stored in the lease table (one item per stream and shard).
 * `leaseCounter` rises on every take, renewal and checkpoint, so a conditional write that expects
 * the counter its writer last saw fails once anybody else has touched the lease (fencing).
 */
export const LeaseCodec = t.intersection([
  t.type({
    streamArn: t.string,
    shardId: t.string,
    leaseCounter: t.number,
    checkpoint: LeaseCheckpointCodec,
    parentShardIds: t.array(t.string),
  }),
  t.partial({
    /** The poller holding the lease; absent when free. */
    owner: t.string,
    /** A poller asked the owner to hand this lease over (balancing); the owner does at a batch boundary. */
    handoffTo: t.string,
  }),
]);

/** One shard's lease, as stored in the lease table. */
export type Lease = t.TypeOf<typeof LeaseCodec>;

/** True when the shard was processed to its end. */
export const isFinished = (lease: Lease): boolean => lease.checkpoint === 'SHARD_END';
