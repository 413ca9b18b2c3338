import { aggregate, defineProjection } from '@sluice/projections';
import * as t from 'io-ts';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { given } from './given.js';
import type { ProjectionOutcome } from './runProjections.js';

const Task = t.type({ id: t.string, listId: t.string });
const Order = t.type({ orderId: t.string });

describe('given types', () => {
  it('takes projections of different item types and view types in one list', () => {
    const counts = aggregate({
      name: 'aggregate',
      table: 'c',
      markerTable: 'm',
      item: Task,
      viewType: 'NEW_IMAGE',
      group: (x) => ({ listId: x.listId }),
    });
    const orders = defineProjection({
      name: 'o',
      version: 1,
      item: Order,
      viewType: 'KEYS_ONLY',
      plan: () => [],
    });
    const run = given([{ put: { id: 'a' } }]).when([counts, orders]);
    expectTypeOf(run.then({ c: [] })).toEqualTypeOf<Promise<void>>();
    expectTypeOf(run.outcome()).toEqualTypeOf<Promise<ProjectionOutcome>>();
  });

  it('refuses what is not a step, and awaiting a run instead of asserting', async () => {
    // @ts-expect-error: not a table write
    given([{ insert: { id: 'a' } }]);
    const run = given([]).when(
      defineProjection({
        name: 'o',
        version: 1,
        item: Order,
        viewType: 'KEYS_ONLY',
        plan: () => [],
      }),
    );
    // @ts-expect-error: a run is asserted with then(expected) or read with outcome()
    await expect(async () => await run).rejects.toThrow(/asserts nothing by itself/);
  });
});
