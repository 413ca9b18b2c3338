import { describe, expect, it } from 'vitest';
import type { PlannedBatch } from '../plan/plannedBatch.js';
import type { Contribute, Contribution, Write } from '../plan/write.js';
import { sequenceNumber } from '../testSupport/changeEvents.js';
import { SimulatedCrash } from './injectedFault.js';
import { InMemoryProjectionStore } from './inMemoryProjectionStore.js';

const batch = (...writes: Write[]): PlannedBatch => ({ writes, origins: writes.map((_, i) => i) });
const to = (list: string, count = 1, points = 0): Contribution => ({
  group: { list },
  amounts: { count, points },
});
const contribute = (
  item: string,
  seq: number,
  contribution: Contribution | null,
  alsoTouches: Contribution[] = [],
): Contribute => ({
  _tag: 'Contribute',
  table: 'totals',
  markerTable: 'markers',
  markerId: `p@1|${item}`,
  sequenceNumber: sequenceNumber(seq),
  contribution,
  alsoTouches,
});
const totals = (store: InMemoryProjectionStore) => store.tables().totals ?? [];

describe('InMemoryProjectionStore: Contribute', () => {
  it('applies the difference from the item’s marker, so moving an item moves its amounts', async () => {
    const store = new InMemoryProjectionStore();
    await store.apply(
      batch(contribute('a', 1, to('l1', 1, 5)), contribute('b', 1, to('l1', 1, 2))),
    );
    await store.apply(batch(contribute('a', 2, to('l2', 1, 5))));
    expect(totals(store)).toEqual([
      { list: 'l1', count: 1, points: 2 },
      { list: 'l2', count: 1, points: 5 },
    ]);
    await store.apply(batch(contribute('a', 3, null)));
    expect(totals(store)).toContainEqual({ list: 'l2', count: 0, points: 0 });
    expect(store.tables().markers).toContainEqual({
      markerId: 'p@1|a',
      sequenceNumber: sequenceNumber(3).padStart(40, '0'),
      contribution: null,
    });
  });

  it('moves no count and no marker for a contribution at or below the marker’s sequence number, only gives the groups it names their rows', async () => {
    const store = new InMemoryProjectionStore();
    await store.apply(batch(contribute('a', 5, to('l1'))));
    const before = store.tables();
    const result = await store.apply(
      batch(contribute('a', 5, to('l9', 1, 4), [to('l1', 0, 0)]), contribute('a', 4, null)),
    );
    expect(result).toMatchObject({ right: { written: 0, unchanged: 2 } });
    expect(store.tables()).toEqual({
      ...before,
      totals: [...before.totals!, { list: 'l9', count: 0, points: 0 }],
    });
    const writes = store.writeCount;
    await store.apply(batch(contribute('a', 5, to('l9', 1, 4), [to('l1', 0, 0)])));
    expect(store.writeCount).toBe(writes);
  });

  it('moves only the marker when the contribution is unchanged, so an older replay stays older', async () => {
    const store = new InMemoryProjectionStore();
    await store.apply(batch(contribute('a', 1, to('l1'))));
    const rows = totals(store);
    await store.apply(batch(contribute('a', 2, to('l1'))));
    expect(totals(store)).toEqual(rows);
    expect(store.tables().markers).toMatchObject([
      { sequenceNumber: sequenceNumber(2).padStart(40, '0') },
    ]);
  });

  it('creates a zero row for every group an item passed through', async () => {
    const store = new InMemoryProjectionStore();
    await store.apply(batch(contribute('a', 3, null, [to('l1', 0, 0), to('l2', 0, 0)])));
    expect(totals(store)).toEqual([
      { list: 'l1', count: 0, points: 0 },
      { list: 'l2', count: 0, points: 0 },
    ]);
  });

  it('commits contributions in units of at most 100 actions, each atomic', async () => {
    const store = new InMemoryProjectionStore();
    const writes = Array.from({ length: 120 }, (_, i) => contribute(`i${i}`, 1, to(`g${i % 30}`)));
    await store.apply(batch(...writes));
    // 120 markers + 30 groups = 150 actions: two transactions.
    expect(store.writeCount).toBe(2);
    const crashed = new InMemoryProjectionStore();
    crashed.failAfter(1, 'crash');
    await expect(crashed.apply(batch(...writes))).rejects.toBeInstanceOf(SimulatedCrash);
    const rows = totals(crashed);
    const counted = rows.reduce((sum, row) => sum + (row.count as number), 0);
    const markers = crashed.tables().markers ?? [];
    expect(counted).toBe(markers.length);
    expect(markers.length).toBeGreaterThan(0);
    expect(markers.length).toBeLessThan(120);
  });
});

describe('InMemoryProjectionStore: PutIfNewer and PutRow', () => {
  const archived = (version: string, note: string): Write => ({
    _tag: 'PutIfNewer',
    table: 'archive',
    key: { id: 'a' },
    row: { id: 'a', v: version, note },
    versionAttribute: 'v',
  });

  it('never lets an older or equal version overwrite a stored row', async () => {
    const store = new InMemoryProjectionStore();
    await store.apply(batch(archived('0005', 'five')));
    const result = await store.apply(batch(archived('0003', 'three')));
    await store.apply(batch(archived('0005', 'five again')));
    expect(result).toMatchObject({ right: { unchanged: 1 } });
    expect(store.tables().archive).toEqual([{ id: 'a', v: '0005', note: 'five' }]);
    await store.apply(batch(archived('0007', 'seven')));
    expect(store.tables().archive).toEqual([{ id: 'a', v: '0007', note: 'seven' }]);
  });

  it('puts a row any number of times with one result', async () => {
    const store = new InMemoryProjectionStore();
    const put: Write = { _tag: 'PutRow', table: 'h', key: { k: 1 }, row: { k: 1, x: [1] } };
    await store.apply(batch(put));
    await store.apply(batch(put, put));
    expect(await store.scan('h')).toEqual([{ k: 1, x: [1] }]);
  });

  it('reports every write from the failing one on as unconfirmed when armed to fail', async () => {
    const store = new InMemoryProjectionStore();
    store.failAfter(1, 'fail');
    const put = (k: number): Write => ({ _tag: 'PutRow', table: 'h', key: { k }, row: { k } });
    const result = await store.apply(batch(put(1), put(2), put(3)));
    expect(result).toMatchObject({ left: { _tag: 'ApplyFailed', unconfirmed: [1, 2] } });
    expect(await store.scan('h')).toEqual([{ k: 1 }]);
  });

  it('hands out copies: mutating a snapshot never changes the store', async () => {
    const store = new InMemoryProjectionStore();
    await store.apply(batch({ _tag: 'PutRow', table: 'h', key: { k: 1 }, row: { k: 1, x: [1] } }));
    const [row] = store.tables().h!;
    (row!.x as number[]).push(2);
    expect(store.tables().h).toEqual([{ k: 1, x: [1] }]);
  });
});
