import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { Lease } from '../lease/lease.js';
import type { LeaseTable, LeaseWriteResult } from '../lease/leaseTable.js';

const right = <A>(either: E.Either<{ message: string }, A>): A => {
  if (E.isLeft(either)) throw new Error(either.left.message);
  return either.right;
};

const written = (result: LeaseWriteResult): Lease => {
  if (result._tag !== 'Written') throw new Error(`expected Written, got ${JSON.stringify(result)}`);
  return result.lease;
};

let streams = 0;
const freshLease = (overrides: Partial<Lease> = {}): Lease => ({
  streamArn: `arn:aws:dynamodb:local:000000000000:table/t/stream/contract-${Date.now()}-${++streams}`,
  shardId: 'shardId-00000001-aaaa',
  leaseCounter: 0,
  checkpoint: 'TRIM_HORIZON',
  parentShardIds: [],
  ...overrides,
});

/** The behaviour every `LeaseTable` must have, run against each implementation. */
export const describeLeaseTableContract = (name: string, makeTable: () => LeaseTable): void => {
  describe(`${name} lease table contract`, () => {
    it('creates a lease once and reads it back, alone in its stream', async () => {
      const table = makeTable();
      const lease = freshLease({ parentShardIds: ['shardId-parent'] });
      expect(right(await table.create(lease))).toBe(true);
      expect(right(await table.create({ ...lease, checkpoint: 'LATEST' }))).toBe(false);
      expect(right(await table.get(lease.streamArn, lease.shardId))).toEqual(lease);
      const other = freshLease();
      right(await table.create(other));
      expect(right(await table.list(lease.streamArn))).toEqual([lease]);
      expect(right(await table.get(lease.streamArn, 'shardId-absent'))).toBeUndefined();
    });

    it('lets exactly one of two pollers racing for a free lease take it', async () => {
      const table = makeTable();
      const lease = freshLease();
      right(await table.create(lease));
      const [a, b] = await Promise.all([
        table.write(lease, { owner: 'poller-a' }),
        table.write(lease, { owner: 'poller-b' }),
      ]);
      const results = [right(a), right(b)];
      expect(results.filter((r) => r._tag === 'Written')).toHaveLength(1);
      const winner = written(results.find((r) => r._tag === 'Written')!);
      expect(winner.leaseCounter).toBe(1);
      expect(right(await table.get(lease.streamArn, lease.shardId))).toEqual(winner);
    });

    it('fences a stale owner: once the lease is taken over it can neither renew nor checkpoint', async () => {
      const table = makeTable();
      const lease = freshLease();
      right(await table.create(lease));
      const heldByA = written(right(await table.write(lease, { owner: 'poller-a' })));
      // B saw A's counter stand still for the lease timeout and takes the lease over.
      const heldByB = written(right(await table.write(heldByA, { owner: 'poller-b' })));
      const renewal = right(await table.write(heldByA, { owner: 'poller-a' }));
      expect(renewal).toEqual({ _tag: 'Conflict', current: heldByB });
      const checkpoint = right(
        await table.write(heldByA, {
          owner: 'poller-a',
          checkpoint: '000000000000000000042' as never,
        }),
      );
      expect(checkpoint._tag).toBe('Conflict');
      expect(right(await table.get(lease.streamArn, lease.shardId))).toEqual(heldByB);
    });

    it('renews and checkpoints by raising the counter, keeping the checkpoint unless given', async () => {
      const table = makeTable();
      const lease = freshLease();
      right(await table.create(lease));
      const held = written(right(await table.write(lease, { owner: 'a' })));
      const renewed = written(right(await table.write(held, { owner: 'a' })));
      expect(renewed).toMatchObject({ leaseCounter: 2, owner: 'a', checkpoint: 'TRIM_HORIZON' });
      const seq = '000000000000000000777' as Lease['checkpoint'];
      const checkpointed = written(
        right(await table.write(renewed, { owner: 'a', checkpoint: seq })),
      );
      expect(checkpointed).toMatchObject({ leaseCounter: 3, checkpoint: seq });
      const released = written(right(await table.write(checkpointed, { owner: undefined })));
      expect(released.owner).toBeUndefined();
      expect(released).toMatchObject({ leaseCounter: 4, checkpoint: seq });
    });

    it('recognises its own write repeated after a lost response as done', async () => {
      const table = makeTable();
      const lease = freshLease();
      right(await table.create(lease));
      const first = written(right(await table.write(lease, { owner: 'a' })));
      const again = right(await table.write(lease, { owner: 'a' }));
      expect(again).toEqual({ _tag: 'Written', lease: first });
    });

    it('asks an owner to hand over without disturbing its renewals, and a transfer clears the request', async () => {
      const table = makeTable();
      const lease = freshLease();
      right(await table.create(lease));
      const held = written(right(await table.write(lease, { owner: 'a' })));
      expect(right(await table.requestHandoff(held, 'b'))).toBe(true);
      expect(right(await table.requestHandoff(held, 'c'))).toBe(false);
      const renewed = written(right(await table.write(held, { owner: 'a' })));
      expect(renewed.handoffTo).toBe('b');
      const transferred = written(right(await table.write(renewed, { owner: 'b' })));
      expect(transferred).toMatchObject({ owner: 'b', leaseCounter: 3 });
      expect(transferred.handoffTo).toBeUndefined();
      expect(right(await table.requestHandoff(lease, 'c'))).toBe(false);
    });

    it('removes a lease only at the counter it was seen with', async () => {
      const table = makeTable();
      const lease = freshLease({ checkpoint: 'SHARD_END' });
      right(await table.create(lease));
      const taken = written(right(await table.write(lease, { owner: 'a' })));
      expect(right(await table.remove(lease))).toBe(false);
      expect(right(await table.remove(taken))).toBe(true);
      expect(right(await table.get(lease.streamArn, lease.shardId))).toBeUndefined();
    });
  });
};
