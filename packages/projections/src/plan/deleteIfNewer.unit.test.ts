import { decodeRecord, sortableSequenceNumber } from '@sluice/core';
import { InMemoryTable } from '@sluice/offline';
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

describe('DeleteIfNewer: a replica that deletes on REMOVE', () => {
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
