import { sortableSequenceNumber } from '@sluice/core';
import {
  defineProjection,
  deleteIfNewer,
  putIfNewer,
  tombstoneExpiresAt,
} from '@sluice/projections';
import fc from 'fast-check';
import * as t from 'io-ts';
import { describe, it } from 'vitest';
import { faultyDeliveries } from '../spec/deliveryPlan.js';
import { given } from '../spec/given.js';
import type { TableWrite } from '../spec/tableWrite.js';

const Item = t.type({ id: t.string, value: t.number });

// A replica of the source table: the row is keyed by the source item, put on INSERT and MODIFY,
// deleted on REMOVE with a tombstone that stale replays of older puts run into.
const replica = defineProjection({
  name: 'replica',
  version: 1,
  item: Item,
  viewType: 'NEW_IMAGE',
  plan: (event) => {
    const key = { id: String(event.keys.id) };
    const version = sortableSequenceNumber(event.sequenceNumber);
    const tombstones = 'replicaTombstones';
    if (event.eventName === 'REMOVE')
      return [
        deleteIfNewer('replica', key, version, 'version', {
          tombstones,
          expiresAt: tombstoneExpiresAt(event.approximateCreationTime),
        }),
      ];
    return [putIfNewer('replica', key, { ...event.newImage, version }, 'version', { tombstones })];
  },
});

const ITEMS = ['a', 'b', 'c', 'd', 'e'];

/** Random puts, updates and deletes of five items: removals, re-inserts and moves between values. */
const historyArbitrary = fc.array(
  fc.record({ item: fc.constantFrom(...ITEMS), value: fc.nat(3), remove: fc.boolean() }),
  { minLength: 1, maxLength: 30 },
);

/** The source table's writes, and the items it holds at the end. */
const writesOf = (steps: readonly { item: string; value: number; remove: boolean }[]) => {
  const live = new Map<string, number>();
  const writes: TableWrite[] = steps.map(({ item, value, remove }) => {
    if (remove) {
      live.delete(item);
      return { delete: { id: item } };
    }
    live.set(item, value);
    return { put: { id: item, value } };
  });
  return { writes, live: [...live].map(([id, value]) => ({ id, value })) };
};

describe('DeleteIfNewer under fault schedules: a replica that deletes on REMOVE', () => {
  it('ends as the source table and as a clean pass under every fault schedule, the stream delivered twice', async () => {
    await fc.assert(
      fc.asyncProperty(historyArbitrary, fc.nat(), async (steps, seed) => {
        const { writes, live } = writesOf(steps);
        const run = given(writes).when(replica, {
          deliveries: faultyDeliveries(seed),
          times: 2,
        });
        await run.then({ replica: live }, { ignoring: ['version'] });
        await run.thenEqualsCleanPass();
      }),
      { numRuns: 60 },
    );
  });
});
