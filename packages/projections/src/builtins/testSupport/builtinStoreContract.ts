import type { ChangeEvent } from '@sluice/core';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import { SNAPSHOT_SEQUENCE_NUMBER } from '../../backfill/snapshotRecord.js';
import type { MakeStoreHarness, StoreHarness } from '../../contract/testSupport/storeHarness.js';
import {
  deliver,
  deliveryArbitrary,
  sortRows,
  type ToyChange,
  toyHistory,
  toyHistoryArbitrary,
} from '../../contract/testSupport/toySource.js';
import { InMemoryProjectionStore } from '../../memory/inMemoryProjectionStore.js';
import type { Row } from '../../plan/row.js';
import { planBatch } from '../../projection/planBatch.js';
import type { ProjectionStore } from '../../store/projectionStore.js';
import { BUILTIN_TABLES, type ToyItem, toyEvent, toyLookup, toyReplica } from './toyBuiltins.js';

type ToyEvent = ChangeEvent<typeof ToyItem._A>;

/** How hard the contract pushes a store. */
export interface BuiltinContractOptions {
  readonly propertyRuns: number;
}

const tablesOf = async (store: ProjectionStore) => {
  const out: Record<string, Row[]> = {};
  for (const table of Object.values(BUILTIN_TABLES)) out[table] = sortRows(await store.scan(table));
  return out;
};

const applyEvents = async (store: ProjectionStore, events: readonly ToyEvent[]) => {
  for (const projection of [toyReplica, toyLookup]) {
    const result = await store.apply(planBatch(projection, events as never));
    if (E.isLeft(result)) throw new Error(`apply failed: ${result.left.message}`);
  }
};

/** The tables after one clean pass: each change alone, in order, on a fresh in-memory store. */
const cleanPass = async (changes: readonly ToyChange[]) => {
  const store = new InMemoryProjectionStore();
  for (const change of changes) await applyEvents(store, [toyEvent(change)]);
  return tablesOf(store);
};

/** What the replica and lookup must say about the source's final state, bookkeeping aside. */
const sourceTruth = (changes: readonly ToyChange[]) => {
  const items = new Map<string, { list: string; quantity: number }>();
  for (const change of changes)
    if (change.after === null) items.delete(change.id);
    else items.set(change.id, change.after);
  const live = [...items].map(([id, state]) => ({ id, ...state }));
  return {
    replica: sortRows(live.map(({ list, ...rest }) => ({ ...rest, listName: list }))),
    lookup: sortRows(
      live
        .filter((item) => item.quantity % 4 !== 0)
        .map((item) => ({ list: item.list, id: item.id })),
    ),
  };
};

const withoutBookkeeping = (tables: Record<string, Row[]>) => ({
  replica: sortRows(
    (tables.replica ?? []).map(({ sluiceVersion: _v, sluiceSource: _s, ...rest }) => rest),
  ),
  lookup: sortRows(
    (tables.lookup ?? []).map((row) => ({ list: row.list, id: (row.owner as Row).id })),
  ),
});

/** A backfill's snapshot of the items live after `cut` changes: INSERTs at sequence number zero. */
const snapshotAt = (changes: readonly ToyChange[], cut: number): ToyEvent[] => {
  const items = new Map<string, ToyChange>();
  for (const change of changes.slice(0, cut)) items.set(change.id, change);
  return [...items.values()]
    .filter((change) => change.after !== null)
    .map((change) => ({
      ...toyEvent({ ...change, before: null }),
      eventId: `snapshot:${change.id}`,
      sequenceNumber: SNAPSHOT_SEQUENCE_NUMBER,
    }));
};

/**
 * The behaviour `replicate` and `lookup` show on any `ProjectionStore`: under every at-least-once
 * delivery, a crash after any request and a backfill handing over to the stream, the tables equal
 * one clean pass, and that pass says what the source table says.
 */
export const describeBuiltinStoreContract = (
  name: string,
  make: MakeStoreHarness,
  options: BuiltinContractOptions,
): void => {
  describe(`replicate and lookup on ${name}`, () => {
    const open: StoreHarness[] = [];
    const fresh = async () => {
      const harness = await make();
      open.push(harness);
      return harness;
    };
    afterEach(async () => {
      for (const harness of open.splice(0)) await harness.dispose();
    });

    it('a clean pass leaves the replica equal to the source table and the lookup equal to its claims', async () => {
      const changes = toyHistory(
        [0, 1, 2, 0, 1, 3, 2, 0].map((item, i) => ({
          item,
          list: i % 2,
          quantity: 1 + (i % 5),
          remove: i === 6,
          gap: 3,
        })),
      );
      const { store } = await fresh();
      for (const change of changes) await applyEvents(store, [toyEvent(change)]);
      expect(withoutBookkeeping(await tablesOf(store))).toEqual(sourceTruth(changes));
    });

    it('any at-least-once delivery (duplicates, regrouped and stale batches) ends as one clean pass', async () => {
      await fc.assert(
        fc.asyncProperty(
          toyHistoryArbitrary({ items: 5, lists: 3, maxLength: 30 }),
          deliveryArbitrary,
          async (changes, schedule) => {
            const harness = await fresh();
            for (const batch of deliver(changes, schedule))
              await applyEvents(harness.store, batch.map(toyEvent));
            const tables = await tablesOf(harness.store);
            expect(tables).toEqual(await cleanPass(changes));
            expect(withoutBookkeeping(tables)).toEqual(sourceTruth(changes));
          },
        ),
        { numRuns: options.propertyRuns },
      );
    }, 300_000);

    it('a crash after any k of a batch’s n requests, then a redelivery, ends as one clean pass', async () => {
      const changes = toyHistory(
        Array.from({ length: 24 }, (_, i) => ({
          item: i % 8,
          list: i % 3,
          quantity: 1 + (i % 7),
          remove: i % 5 === 4,
          gap: 2,
        })),
      );
      const [first, second] = [changes.slice(0, 8), changes.slice(8)];
      const probe = await fresh();
      await applyEvents(probe.store, first!.map(toyEvent));
      const before = probe.requests();
      await applyEvents(probe.store, second!.map(toyEvent));
      const n = probe.requests() - before;
      expect(n).toBeGreaterThan(3);
      const expected = await cleanPass(changes);
      for (const kind of probe.faultKinds)
        for (let k = 0; k < n; k++) {
          const harness = await fresh();
          await applyEvents(harness.store, first!.map(toyEvent));
          harness.armFault(k, kind);
          await applyEvents(harness.store, second!.map(toyEvent)).catch(() => undefined);
          await applyEvents(harness.store, second!.map(toyEvent));
          expect(await tablesOf(harness.store), `${kind} at ${k}`).toEqual(expected);
          await harness.dispose();
          open.splice(open.indexOf(harness), 1);
        }
    }, 300_000);

    it('a backfill snapshot delivered anywhere in the stream never overwrites a change (handover ends as the stream alone)', async () => {
      await fc.assert(
        fc.asyncProperty(
          toyHistoryArbitrary({ items: 5, lists: 3, maxLength: 25 }),
          deliveryArbitrary,
          fc.nat(),
          fc.nat(),
          async (changes, schedule, cutSeed, at) => {
            const snapshot = snapshotAt(changes, cutSeed % (changes.length + 1));
            const batches = deliver(changes, schedule).map((batch) => batch.map(toyEvent));
            batches.splice(at % (batches.length + 1), 0, snapshot);
            const harness = await fresh();
            for (const batch of batches) await applyEvents(harness.store, batch);
            expect(await tablesOf(harness.store)).toEqual(await cleanPass(changes));
          },
        ),
        { numRuns: options.propertyRuns },
      );
    }, 300_000);
  });
};
