import type { SequenceNumber } from '@sluice/core';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlannedBatch } from '../../plan/plannedBatch.js';
import type { Row } from '../../plan/row.js';
import { tombstoneIdOf } from '../../plan/tombstoneId.js';
import { type Contribute, deleteIfNewer, putIfNewer, type Write } from '../../plan/write.js';
import type { ProjectionStore } from '../../store/projectionStore.js';
import type { MakeStoreHarness, StoreHarness } from './storeHarness.js';
import {
  COMPARED_TABLES,
  cleanPass,
  deliver,
  deliveryArbitrary,
  FAR_FUTURE,
  planToyBatch,
  sortRows,
  TOY_TABLES,
  type ToyChange,
  toyHistory,
  toyHistoryArbitrary,
} from './toySource.js';

/** How hard the contract pushes a store (DynamoDB Local is slower than memory). */
export interface ContractOptions {
  /** Runs of the random-delivery property. */
  readonly propertyRuns: number;
  /** Records in the large-batch test. */
  readonly largeBatch: number;
}

const tablesOf = async (store: ProjectionStore): Promise<Record<string, Row[]>> => {
  const out: Record<string, Row[]> = {};
  for (const table of COMPARED_TABLES) out[table] = sortRows(await store.scan(table));
  return out;
};

const applied = async (store: ProjectionStore, batch: PlannedBatch) => {
  const result = await store.apply(batch);
  if (E.isLeft(result)) throw new Error(`apply failed: ${result.left.message}`);
  return result.right;
};

const applyAll = async (store: ProjectionStore, batches: readonly ToyChange[][]) => {
  for (const batch of batches) await applied(store, planToyBatch(batch));
};

const step = (item: number, list: number, quantity = 1, remove = false) => ({
  item,
  list,
  quantity,
  remove,
  gap: 7,
});

// Items that change without changing what they contribute: their steps move only the marker.
const unchangedItems = Array.from({ length: 5 }, (_, i) => step(60 + i, 60 + i, 2));
// 25 items, then in one batch: 20 moves, 40 inserts (over 100 transaction actions), 5 changes
// that move only their marker, two removals: several requests of every kind, so a crash can fall
// between any two of them.
const crashScenario = toyHistory([
  ...Array.from({ length: 20 }, (_, i) => step(i, i, 1 + (i % 3))),
  ...unchangedItems,
  ...Array.from({ length: 20 }, (_, i) => step(i, (i + 1) % 20, 2)),
  ...Array.from({ length: 40 }, (_, i) => step(20 + i, 20 + i)),
  ...unchangedItems,
  step(3, 0, 0, true),
  step(30, 0, 0, true),
]);
const crashFirst = crashScenario.slice(0, 25);
const crashSecond = crashScenario.slice(25);

/** The writes of `batch` at `indices`, as a runner retrying unconfirmed writes would pass them. */
const subset = (batch: PlannedBatch, indices: readonly number[]): PlannedBatch => ({
  writes: indices.map((i) => batch.writes[i]!),
  origins: indices.map((i) => batch.origins[i]!),
  ...(batch.ids ? { ids: indices.map((i) => batch.ids![i]!) } : {}),
});

// The crash and delivery tests make fresh tables per case: minutes on a busy DynamoDB Local.
const SLOW_TEST_MS = 300_000;

const version = (n: number) => String(n).padStart(40, '0');

/** A lookup row `email → userId`, written by the user item `userId` (the row's source). */
const claim = (email: string, userId: string, n: number, source = userId) =>
  putIfNewer(
    TOY_TABLES.replica,
    { id: email },
    { id: email, userId, version: version(n) },
    'version',
    { source, tombstones: TOY_TABLES.tombstones },
  );

/** The user item `source` lets go of the lookup row `email`. */
const release = (email: string, source: string | undefined, n: number) =>
  deleteIfNewer(TOY_TABLES.replica, { id: email }, version(n), 'version', {
    ...(source === undefined ? {} : { source }),
    tombstones: TOY_TABLES.tombstones,
    expiresAt: FAR_FUTURE + n,
  });

const tombstone = (email: string, source: string | undefined, n: number): Row => ({
  tombstoneId: tombstoneIdOf(TOY_TABLES.replica, { id: email }, source),
  version: version(n),
  expiresAt: FAR_FUTURE + n,
});

/** Hand-built writes as one batch, in order (a planner would merge some of them). */
const batchOf = (...writes: Write[]): PlannedBatch => ({
  writes,
  origins: writes.map((_, i) => i),
});

/** Runs `task` on each item, at most `limit` at a time. */
const eachLimited = async <A>(
  items: readonly A[],
  limit: number,
  task: (item: A) => Promise<void>,
) => {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as A);
  };
  await Promise.all(Array.from({ length: limit }, worker));
};

/**
 * The behaviour every `ProjectionStore` must show, whatever it runs on: replays change nothing,
 * aggregates move exactly, archives keep the newest removal, a crash after any number of a
 * batch's requests followed by a retry ends as a clean pass, and so does any at-least-once
 * delivery schedule.
 */
export const describeProjectionStoreContract = (
  name: string,
  make: MakeStoreHarness,
  options: ContractOptions,
): void => {
  describe(`ProjectionStore contract: ${name}`, () => {
    const open: StoreHarness[] = [];
    const fresh = async () => {
      const harness = await make();
      open.push(harness);
      return harness;
    };
    afterEach(async () => {
      for (const harness of open.splice(0)) await harness.dispose();
    });

    it('applying a batch twice leaves the tables as applying it once', async () => {
      const { store } = await fresh();
      const changes = toyHistory([step(1, 1), step(2, 1, 3), step(1, 2), step(2, 0, 0, true)]);
      const first = await applied(store, planToyBatch(changes));
      const once = await tablesOf(store);
      const second = await applied(store, planToyBatch(changes));
      expect(await tablesOf(store)).toEqual(once);
      expect(once).toEqual(cleanPass(changes));
      expect(first.written).toBeGreaterThan(0);
      // Contributions, archive puts and the replica's delete recognise themselves; history rows
      // are plain overwrites.
      expect(second.unchanged).toBe(4);
    });

    it('counts and sums move with their items, and every list named keeps a row', async () => {
      const { store } = await fresh();
      const changes = toyHistory([
        step(1, 1, 2),
        step(2, 1, 3),
        step(3, 1, 4),
        step(2, 2, 3),
        step(3, 0, 0, true),
        step(1, 1, 10),
      ]);
      await applyAll(store, [changes.slice(0, 3), changes.slice(3)]);
      expect(sortRows(await store.scan(TOY_TABLES.counts))).toEqual(
        sortRows([
          { list: 'list-1', count: 1, quantity: 10 },
          { list: 'list-2', count: 1, quantity: 3 },
        ]),
      );
    });

    it('a move and a move back inside one batch leave the passed-through list at zero', async () => {
      const { store } = await fresh();
      const changes = toyHistory([step(1, 1), step(1, 2), step(1, 1)]);
      await applyAll(store, [changes.slice(0, 1), changes.slice(1)]);
      expect(sortRows(await store.scan(TOY_TABLES.counts))).toEqual(
        sortRows([
          { list: 'list-1', count: 1, quantity: 1 },
          { list: 'list-2', count: 0, quantity: 0 },
        ]),
      );
    });

    it('a stale replay (a zombie consumer) after an unchanged net contribution does not undo the newer state', async () => {
      const { store } = await fresh();
      // Insert, remove, re-insert identically: the last batch nets to "unchanged" for the item.
      const changes = toyHistory([step(0, 0, 3), step(0, 0, 3, true), step(0, 0, 3)]);
      await applyAll(store, [changes.slice(0, 1), changes.slice(1, 3), changes.slice(0, 2)]);
      expect(await tablesOf(store)).toEqual(cleanPass(changes));
    });

    it('a change superseded before it arrives (a redriven letter) still leaves the rows of the lists it names, and nothing else', async () => {
      const { store } = await fresh();
      const changes = toyHistory([step(1, 1), step(1, 2), step(1, 3), step(1, 4), step(2, 5)]);
      await applyAll(store, [changes.slice(0, 1), changes.slice(3)]);
      // Changes 2 and 3 coalesce into one Contribute (list-3, passing through list-2), now stale.
      const stale = await applied(store, planToyBatch(changes.slice(1, 3)));
      expect(stale.unchanged).toBeGreaterThanOrEqual(1);
      expect(await tablesOf(store)).toEqual(cleanPass(changes));
      await applyAll(store, [changes.slice(1, 3), changes.slice(2, 3)]);
      expect(await tablesOf(store)).toEqual(cleanPass(changes));
    });

    it('an item moving out of a group where it counted zero adds its new amounts to the new group', async () => {
      const { store } = await fresh();
      const counted = (n: number, list: string, count: number, quantity: number): Contribute => ({
        _tag: 'Contribute',
        table: TOY_TABLES.counts,
        markerTable: TOY_TABLES.markers,
        markerId: 'toy@1|zero',
        sequenceNumber: String(10n ** 21n + BigInt(n)) as SequenceNumber,
        contribution: { group: { list }, amounts: { count, quantity } },
        alsoTouches: [],
      });
      await applied(store, batchOf(counted(1, 'a', 0, 0)));
      await applied(store, batchOf(counted(2, 'b', 1, 5)));
      expect(sortRows(await store.scan(TOY_TABLES.counts))).toEqual(
        sortRows([
          { list: 'a', count: 0, quantity: 0 },
          { list: 'b', count: 1, quantity: 5 },
        ]),
      );
    });

    it('an older removal never overwrites a newer archived one, and a replay rewrites nothing', async () => {
      const { store } = await fresh();
      const changes = toyHistory([
        step(1, 1),
        step(1, 0, 0, true),
        step(1, 4),
        step(1, 0, 0, true),
      ]);
      await applyAll(store, [changes.slice(2, 4)]);
      const older = await applied(store, planToyBatch(changes.slice(0, 2)));
      expect(older.unchanged).toBeGreaterThanOrEqual(1);
      expect(sortRows(await store.scan(TOY_TABLES.archive))).toEqual(cleanPass(changes).archive);
      expect((await store.scan(TOY_TABLES.archive))[0]).toMatchObject({ item: { list: 'list-4' } });
    });

    it('a row owned by one source item is neither overwritten nor deleted by another, whatever the versions', async () => {
      const { store } = await fresh();
      await applied(store, batchOf(claim('e', 'u1', 50)));
      // Versions of u2 say nothing about u1's: higher or lower, u2 does not touch u1's row.
      const other = await applied(
        store,
        batchOf(claim('e', 'u2', 90), claim('e', 'u2', 10), release('e', 'u2', 95)),
      );
      expect(other.written).toBe(1); // u2's tombstone only
      await applied(store, batchOf(claim('e', 'u1', 60)));
      expect(await store.scan(TOY_TABLES.replica)).toEqual([
        { id: 'e', userId: 'u1', version: version(60), sluiceSource: 'u1' },
      ]);
      // Once u1 lets go, another item may take the row, with numbers lower than u1's.
      await applied(store, batchOf(release('e', 'u1', 70), claim('e', 'u3', 5)));
      expect(await store.scan(TOY_TABLES.replica)).toEqual([
        { id: 'e', userId: 'u3', version: version(5), sluiceSource: 'u3' },
      ]);
      expect(sortRows(await store.scan(TOY_TABLES.tombstones))).toEqual(
        sortRows([tombstone('e', 'u2', 95), tombstone('e', 'u1', 70)]),
      );
    });

    it('a delete leaves a versioned tombstone, and a stale replay of an older put never resurrects the row', async () => {
      const { store } = await fresh();
      const put = (n: number) =>
        putIfNewer(TOY_TABLES.replica, { id: 'a' }, { id: 'a', version: version(n) }, 'version', {
          tombstones: TOY_TABLES.tombstones,
        });
      await applied(store, batchOf(put(2), release('a', undefined, 3)));
      const stale = await applied(store, batchOf(put(2), put(3), release('a', undefined, 3)));
      expect(stale).toMatchObject({ written: 0, unchanged: 3 });
      expect(await store.scan(TOY_TABLES.replica)).toEqual([]);
      // A newer put lands; an older delete neither removes it nor moves the tombstone back.
      await applied(store, batchOf(put(4), release('a', undefined, 1)));
      expect(await store.scan(TOY_TABLES.replica)).toEqual([{ id: 'a', version: version(4) }]);
      expect(await store.scan(TOY_TABLES.tombstones)).toEqual([tombstone('a', undefined, 3)]);
      // Deleting a missing row still records its tombstone.
      await applied(store, batchOf(release('b', undefined, 7)));
      expect(sortRows(await store.scan(TOY_TABLES.tombstones))).toEqual(
        sortRows([tombstone('a', undefined, 3), tombstone('b', undefined, 7)]),
      );
    });

    it('writes of one row from two source items in one batch apply in planned order', async () => {
      const { store } = await fresh();
      await applied(
        store,
        batchOf(
          claim('e', 'u1', 8),
          claim('e', 'u2', 1),
          release('e', 'u1', 9),
          claim('e', 'u2', 2),
        ),
      );
      expect(await store.scan(TOY_TABLES.replica)).toEqual([
        { id: 'e', userId: 'u2', version: version(2), sluiceSource: 'u2' },
      ]);
    });

    it('a hand-built batch (no planner ids) finds the rows and markers a planned batch wrote', async () => {
      const { store } = await fresh();
      await applyAll(store, [crashFirst]);
      const { writes, origins } = planToyBatch(crashSecond);
      await applied(store, { writes, origins });
      expect(await tablesOf(store)).toEqual(cleanPass(crashScenario));
    });

    it('applies large batches completely (every request limit is chunked)', async () => {
      const { store } = await fresh();
      const changes = toyHistory(
        Array.from({ length: options.largeBatch }, (_, i) =>
          step(i % Math.ceil(options.largeBatch / 3), i % 140, 1 + (i % 5), i % 11 === 10),
        ),
      );
      await applyAll(store, [changes]);
      expect(await tablesOf(store)).toEqual(cleanPass(changes));
    });

    it(
      'a crash after any number k of a batch’s n requests, then a retry, ends as a clean pass',
      async () => {
        const probe = await fresh();
        await applyAll(probe.store, [crashFirst]);
        const before = probe.requests();
        await applyAll(probe.store, [crashSecond]);
        const n = probe.requests() - before;
        expect(n).toBeGreaterThan(3);
        const expected = cleanPass(crashScenario);
        const cases = probe.faultKinds.flatMap((kind) =>
          Array.from({ length: n }, (_, k) => ({ kind, k })),
        );
        await eachLimited(cases, 4, async ({ kind, k }) => {
          const harness = await fresh();
          await applyAll(harness.store, [crashFirst]);
          harness.armFault(k, kind);
          const batch = planToyBatch(crashSecond);
          const crashed = await harness.store.apply(batch).catch((error: unknown) => error);
          expect(E.isRight(crashed as E.Either<unknown, unknown>), `${kind} at ${k}`).toBe(false);
          if (E.isLeft(crashed as E.Either<unknown, unknown>)) {
            // Every write not listed is applied: retrying the listed ones alone completes the batch.
            const { unconfirmed } = (crashed as E.Left<{ unconfirmed: number[] }>).left;
            expect(unconfirmed.length).toBeGreaterThan(0);
            await applied(harness.store, subset(batch, unconfirmed));
          } else await applied(harness.store, batch);
          expect(await tablesOf(harness.store), `${kind} at ${k}`).toEqual(expected);
        });
      },
      SLOW_TEST_MS,
    );

    it('concurrent applies of overlapping batches (consumers racing on one shard) end as a clean pass', async () => {
      const { store } = await fresh();
      // Every third item changes without changing its contribution (its marker alone moves).
      const windows = [0, 1, 2, 3, 4].map((round) =>
        Array.from({ length: 30 }, (_, i) =>
          i % 3 === 0 ? step(i, i % 7, 1) : step(i, (i + round) % 7, 1 + round),
        ),
      );
      const changes = toyHistory(windows.flat());
      const [first, ...rest] = [0, 30, 60, 90, 120].map((at) => changes.slice(at, at + 30));
      await applyAll(store, [first!]);
      // Each window three times, and each with its successor: every marker is raced for.
      const racing = rest.flatMap((window, i) => [
        window,
        window,
        [...window, ...(rest[i + 1] ?? [])],
      ]);
      const results = await Promise.all(racing.map((batch) => store.apply(planToyBatch(batch))));
      expect(results.filter(E.isLeft)).toEqual([]);
      expect(await tablesOf(store)).toEqual(cleanPass(changes));
    });

    it(
      'any at-least-once delivery (duplicates, replays from earlier records, regrouped batches) ends as a clean pass',
      async () => {
        await fc.assert(
          fc.asyncProperty(
            toyHistoryArbitrary({ items: 6, lists: 4, maxLength: 40 }),
            deliveryArbitrary,
            async (changes, schedule) => {
              const harness = await fresh();
              await applyAll(harness.store, deliver(changes, schedule));
              expect(await tablesOf(harness.store)).toEqual(cleanPass(changes));
              await harness.dispose();
              open.splice(open.indexOf(harness), 1);
            },
          ),
          { numRuns: options.propertyRuns },
        );
      },
      SLOW_TEST_MS,
    );
  });
};
