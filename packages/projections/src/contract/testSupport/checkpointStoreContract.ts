import type { SequenceNumber } from '@sluice/core';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { CheckpointKey, CheckpointStore } from '../../checkpoint/checkpointStore.js';

const seq = (n: number) => String(10n ** 21n + BigInt(n)) as SequenceNumber;

let keys = 0;
const freshKey = (): CheckpointKey => ({
  streamArn: `arn:aws:dynamodb:local:000000000000:table/Orders/stream/2024-01-01T00:00:00.${String(++keys).padStart(3, '0')}`,
  shardId: 'shardId-00000000000000000001-abcdef01',
  projection: 'orderHistory',
});

/**
 * The compare-and-set every `CheckpointStore` must implement: a put lands iff the stored sequence
 * number is the one the writer expected and no newer lease fenced the writer off.
 */
export const describeCheckpointStoreContract = (
  name: string,
  make: () => Promise<CheckpointStore>,
): void => {
  describe(`CheckpointStore contract: ${name}`, () => {
    it('has nothing for a shard never checkpointed, then what was put', async () => {
      const store = await make();
      const key = freshKey();
      expect(await store.get(key)).toEqual(E.right(undefined));
      expect(await store.put(key, seq(1), undefined)).toEqual(E.right(undefined));
      expect(await store.get(key)).toEqual(
        E.right({ sequenceNumber: seq(1), leaseCounter: undefined }),
      );
    });

    it('refuses a put whose expected previous position is stale, reporting what is stored', async () => {
      const store = await make();
      const key = freshKey();
      await store.put(key, seq(1), undefined);
      await store.put(key, seq(2), seq(1));
      const stale = await store.put(key, seq(3), seq(1));
      expect(stale).toMatchObject(
        E.left({
          _tag: 'CheckpointConflict',
          key,
          expectedPrevious: seq(1),
          actual: { sequenceNumber: seq(2) },
        }),
      );
      expect(await store.put(key, seq(3), undefined)).toMatchObject(
        E.left({ _tag: 'CheckpointConflict' }),
      );
      expect(await store.get(key)).toMatchObject(E.right({ sequenceNumber: seq(2) }));
    });

    it('fences off a writer whose lease counter is lower than the stored one', async () => {
      const store = await make();
      const key = freshKey();
      expect(await store.put(key, seq(1), undefined, 2)).toEqual(E.right(undefined));
      const fenced = await store.put(key, seq(2), seq(1), 1);
      expect(fenced).toMatchObject(
        E.left({ _tag: 'CheckpointConflict', actual: { sequenceNumber: seq(1), leaseCounter: 2 } }),
      );
      expect(await store.put(key, seq(2), seq(1), 2)).toEqual(E.right(undefined));
      expect(await store.put(key, seq(3), seq(2), 3)).toEqual(E.right(undefined));
      expect(await store.put(key, seq(4), seq(3), 2)).toMatchObject(
        E.left({ _tag: 'CheckpointConflict' }),
      );
      // An unfenced writer keeps the stored counter, so the fence stays up.
      expect(await store.put(key, seq(4), seq(3))).toEqual(E.right(undefined));
      expect(await store.get(key)).toEqual(E.right({ sequenceNumber: seq(4), leaseCounter: 3 }));
    });

    it('keeps shards, streams and projections apart', async () => {
      const store = await make();
      const key = freshKey();
      await store.put(key, seq(1), undefined);
      for (const other of [
        { ...key, shardId: 'shardId-2' },
        { ...key, projection: 'counts' },
        { ...key, streamArn: `${key.streamArn}x` },
      ])
        expect(await store.get(other)).toEqual(E.right(undefined));
    });

    it('lets exactly one of several concurrent writers with the same expectation win', async () => {
      const store = await make();
      const key = freshKey();
      await store.put(key, seq(1), undefined);
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => store.put(key, seq(10 + i), seq(1))),
      );
      expect(results.filter(E.isRight)).toHaveLength(1);
    });
  });
};
