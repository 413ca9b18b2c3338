import { aggregate } from '@sluice/projections';
import fc from 'fast-check';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { given } from './given.js';

const Task = t.type({ id: t.string, listId: t.string });
const counts = aggregate({
  name: 'counts',
  table: 'counts',
  markerTable: 'markers',
  item: Task,
  viewType: 'NEW_IMAGE',
  group: (task) => ({ listId: task.listId }),
});

describe('storeFaults', () => {
  it('true arms a store fault at least once, for every seed, and the counts stay exact', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), async (seed) => {
        const run = given([
          { put: { id: 't1', listId: 'a' } },
          { put: { id: 't2', listId: 'a' } },
        ]).when(counts, { deliveries: { storeFaults: true, faults: { seed } } });
        expect((await run.outcome()).storeFaultsArmed).toBeGreaterThanOrEqual(1);
        await run.then({ counts: [{ listId: 'a', count: 2 }] });
      }),
      { numRuns: 25 },
    );
  });

  it('0 arms none', async () => {
    const run = given([{ put: { id: 't1', listId: 'a' } }]).when(counts, {
      deliveries: { storeFaults: 0 },
    });
    expect((await run.outcome()).storeFaultsArmed).toBe(0);
  });
});
