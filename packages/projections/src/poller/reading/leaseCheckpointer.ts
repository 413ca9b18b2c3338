import type { BatchCheckpoint } from '../../checkpoint/batchCheckpoint.js';
import type { Checkpointer } from '../../checkpoint/checkpoint.js';
import { checkpointAfter } from '../../checkpoint/checkpointAfter.js';
import { type LeaseWritten, writeLease } from './leaseWrites.js';
import type { Position, ShardReader } from './shardReader.js';

/** What keeping a checkpoint in the lease came to; `unchanged`: nothing new was handled. */
export type LeaseKept = LeaseWritten | 'unchanged';

/**
 * The poller keeps a batch's checkpoint in its shard's lease, by a write fenced by the lease's
 * counter (a poller that lost the lease cannot move it); reading then resumes after it.
 */
export const leaseCheckpointer = (
  reader: ShardReader,
): Checkpointer<BatchCheckpoint, Promise<LeaseKept>> => ({
  store: async ({ through }) => {
    if (through === undefined) return 'unchanged';
    const position = through as Position;
    const owner = reader.ctx.settings.workerId;
    const written = await writeLease(reader, { owner, checkpoint: position });
    if (written === 'written') reader.position = position;
    return written;
  },
});

/** A page's checkpoint from what the batch processor says it handled (`checkpointAfter`). */
export const pageCheckpoint = (
  records: readonly { readonly dynamodb?: { readonly SequenceNumber?: string } }[],
  processed: number,
  failed: boolean,
): BatchCheckpoint =>
  checkpointAfter(records.length, processed, failed, (i) => records[i]?.dynamodb?.SequenceNumber);
