import { leaseLost, releaseLease, writeOrLose } from './leaseWrites.js';
import type { ReaderExit, ShardReader } from './shardReader.js';

/**
 * What the lease asks before each read, at a batch boundary: stop when lost, released (the
 * poller stops), expired (renewals kept failing) or handed over; `undefined`: read on.
 */
export const leaseDuties = async (reader: ShardReader): Promise<ReaderExit | undefined> => {
  const { ctx, held, shardId } = reader;
  const { clock, leaseDurationMs } = ctx.settings;
  if (held.lost) return 'lost';
  if (ctx.stopping()) return releaseLease(reader);
  if (held.outlived(clock.now(), leaseDurationMs)) {
    // Renewals kept failing: another poller may own the shard by now, so stop touching it.
    held.lost = true;
    return leaseLost(reader, 'not renewed within the lease duration');
  }
  const handoffTo = held.lease.handoffTo;
  if (handoffTo === undefined) return undefined;
  // At a batch boundary, so the new owner starts exactly where this one stopped.
  const handed = await writeOrLose(reader, { owner: handoffTo }, 'refused while handing over');
  if (handed !== 'written') return handed;
  ctx.emit({ _tag: 'LeaseHandedOver', shardId, to: handoffTo });
  return 'handedOver';
};
