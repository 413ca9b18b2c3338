import { decodeRecord, sortableSequenceNumber } from '@sluice/core';
import { faultyDeliveries, given, InMemoryTable, type TableWrite } from '@sluice/testing';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { processRecords } from '../batch/processRecords.js';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import { defineProjection } from '../projection/projection.js';
import { incoming } from '../testSupport/deliveries.js';
import { deleteIfNewer, putIfNewer, tombstoneExpiresAt } from './write.js';

const Item = t.type({ id: t.string, value: t.number });

// A replica of the source table: the row is keyed by the source item, put on INSERT and MODIFY,
// deleted on REMOVE with a tombstone that stale replays of older puts run into (unless the puts
// do not name the tombstone table: the control).
const replica = (putsCheckTombstones: boolean) =>
  defineProjection({
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
      const guard = putsCheckTombstones ? { tombstones } : {};
      return [putIfNewer('replica', key, { ...event.newImage, version }, 'version', guard)];
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

describe('DeleteIfNewer: a replica that deletes on REMOVE', () => {
  it('ends as the source table and as a clean pass under every fault schedule, the stream delivered twice', async () => {
    await fc.assert(
      fc.asyncProperty(historyArbitrary, fc.nat(), async (steps, seed) => {
        const { writes, live } = writesOf(steps);
        const run = given(writes).when(replica(true), {
          deliveries: faultyDeliveries(seed),
          times: 2,
        });
        await run.then({ replica: live }, { ignoring: ['version'] });
        await run.thenEqualsCleanPass();
      }),
      { numRuns: 60 },
    );
  });

  it('never lets a stale replay of an older put resurrect a deleted row (a zombie consumer)', async () => {
    const zombieReplay = async (putsCheckTombstones: boolean) => {
      const table = new InMemoryTable({
        tableName: 'source',
        partitionKey: { name: 'id', type: 'S' },
        streamViewType: 'NEW_IMAGE',
      });
      table.put({ id: 'a', value: 1 });
      table.delete({ id: 'a' });
      const projection = replica(putsCheckTombstones);
      const events = table.stream.records().map((record) => {
        const event = decodeRecord(projection, record);
        if (E.isLeft(event)) throw new Error(event.left.message);
        return event.right;
      });
      const settings = {
        projections: [projection],
        store: new InMemoryProjectionStore(),
        deadLetters: new InMemoryDeadLetters(),
      };
      await processRecords(settings, incoming(events));
      // A consumer whose lease was taken over applies the insert again, after the removal.
      await processRecords(settings, incoming(events.slice(0, 1)));
      return settings.store.tables().replica ?? [];
    };
    expect(await zombieReplay(true)).toEqual([]);
    // The control: a put that does not check the tombstone brings the row back.
    expect(await zombieReplay(false)).toMatchObject([{ id: 'a', value: 1 }]);
  });
});
