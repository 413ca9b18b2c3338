import type * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { IdempotencyRecord, IdempotencyStore } from '../idempotencyStore.js';

const records = (read: E.Either<unknown, ReadonlyMap<string, IdempotencyRecord>>) => {
  if (read._tag === 'Left') throw new Error('read failed');
  return read.right;
};

/** Makes a store over an empty idempotency table. */
export type MakeIdempotencyStore = () => Promise<IdempotencyStore>;

const T0 = 4_000_000_000_000; // epoch ms in 2096: DynamoDB Local's TTL sweeper leaves records alone
const claimOf = (
  key: string,
  token: string,
  at = T0,
  expiresAt = T0 / 1000 + 3600,
): IdempotencyRecord => ({
  idempotencyKey: key,
  status: 'IN_PROGRESS',
  token,
  inProgressUntil: at + 1000,
  expiresAt,
});

/** The behaviour every idempotency store shows: claims exclude each other, DONE is final, crashed claims time out. */
export const describeIdempotencyStoreContract = (
  name: string,
  make: MakeIdempotencyStore,
): void => {
  describe(`IdempotencyStore contract: ${name}`, () => {
    it('a claim excludes others until done; DONE is final and recorded by the claim’s token only', async () => {
      const store = await make();
      expect(records(await store.read(['k'], T0))).toEqual(new Map());
      expect(await store.claim(claimOf('k', 'a'), T0)).toEqual({
        _tag: 'Right',
        right: { _tag: 'Claimed' },
      });
      expect(await store.claim(claimOf('k', 'b'), T0 + 10)).toMatchObject({
        right: { _tag: 'Taken', record: { status: 'IN_PROGRESS', token: 'a' } },
      });
      expect(await store.complete('k', 'b', T0 / 1000 + 7200)).toEqual({
        _tag: 'Right',
        right: false,
      });
      expect(await store.complete('k', 'a', T0 / 1000 + 7200)).toEqual({
        _tag: 'Right',
        right: true,
      });
      expect(await store.complete('k', 'a', T0 / 1000 + 7200)).toEqual({
        _tag: 'Right',
        right: false,
      });
      const read = await store.read(['k', 'other'], T0 + 20);
      expect([...records(read).values()]).toMatchObject([
        { idempotencyKey: 'k', status: 'DONE', expiresAt: T0 / 1000 + 7200 },
      ]);
      // Even long after any in-progress timeout, DONE stays until it expires.
      expect(await store.claim(claimOf('k', 'c', T0 + 60_000), T0 + 60_000)).toMatchObject({
        right: { _tag: 'Taken', record: { status: 'DONE' } },
      });
    });

    it('a claim whose runner crashed is taken over after its timeout, and the crashed runner can no longer complete it', async () => {
      const store = await make();
      await store.claim(claimOf('k', 'a'), T0);
      expect(await store.claim(claimOf('k', 'b', T0 + 2000), T0 + 2000)).toMatchObject({
        right: { _tag: 'Claimed' },
      });
      expect(await store.complete('k', 'a', T0 / 1000 + 7200)).toEqual({
        _tag: 'Right',
        right: false,
      });
      expect(await store.complete('k', 'b', T0 / 1000 + 7200)).toEqual({
        _tag: 'Right',
        right: true,
      });
    });

    it('a released claim can be claimed at once; a release by another token changes nothing', async () => {
      const store = await make();
      await store.claim(claimOf('k', 'a'), T0);
      await store.release('k', 'b');
      expect(await store.claim(claimOf('k', 'c'), T0)).toMatchObject({ right: { _tag: 'Taken' } });
      await store.release('k', 'a');
      expect(await store.claim(claimOf('k', 'c'), T0)).toMatchObject({
        right: { _tag: 'Claimed' },
      });
    });

    it('an expired record counts as absent', async () => {
      const store = await make();
      await store.claim(claimOf('k', 'a', T0, T0 / 1000 + 5), T0);
      await store.complete('k', 'a', T0 / 1000 + 5);
      expect(records(await store.read(['k'], T0 + 6000))).toEqual(new Map());
      expect(await store.claim(claimOf('k', 'b', T0 + 6000), T0 + 6000)).toMatchObject({
        right: { _tag: 'Claimed' },
      });
    });

    it('reads many records at once (past one BatchGetItem’s 100 keys)', async () => {
      const store = await make();
      const keys = Array.from({ length: 230 }, (_, i) => `k${i}`);
      for (const key of keys.filter((_, i) => i % 2 === 0))
        await store.claim(claimOf(key, 't'), T0);
      const read = await store.read([...keys, 'k0'], T0);
      expect([...records(read).keys()].sort()).toEqual(keys.filter((_, i) => i % 2 === 0).sort());
    });
  });
};
