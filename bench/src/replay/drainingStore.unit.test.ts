import { InMemoryProjectionStore, type PlannedBatch } from '@sluice/projections';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { DrainingStore } from './drainingStore.js';

const batch: PlannedBatch = {
  writes: [
    {
      _tag: 'PutRow',
      table: 'history',
      key: { id: 'a', change: '1' },
      row: { id: 'a', change: '1' },
    },
    { _tag: 'PutRow', table: 'kept', key: { id: 'a' }, row: { id: 'a', n: 1 } },
    {
      _tag: 'PutRow',
      table: 'history',
      key: { id: 'a', change: '2' },
      row: { id: 'a', change: '2' },
    },
  ],
  origins: [0, 0, 1],
};

describe('DrainingStore', () => {
  it('counts the drained table’s rows without keeping them, and applies the rest', async () => {
    const store = new DrainingStore(new InMemoryProjectionStore(), 'history');
    const applied = await store.apply(batch);
    expect(E.isRight(applied) && applied.right.written).toBe(3);
    expect(store.drainedRows).toBe(2);
    expect(await store.scan('history')).toEqual([]);
    expect(await store.scan('kept')).toEqual([{ id: 'a', n: 1 }]);
  });

  it('reports an unconfirmed write by its index in the batch it was given', async () => {
    const inner = new InMemoryProjectionStore();
    inner.failAfter(0, 'fail');
    const applied = await new DrainingStore(inner, 'history').apply(batch);
    expect(E.isLeft(applied) && applied.left.unconfirmed).toEqual([1]);
  });
});
