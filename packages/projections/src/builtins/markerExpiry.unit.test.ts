import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processRecords } from '../batch/processRecords.js';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import type { MarkerRow } from '../plan/write.js';
import { changeEvent } from '../testSupport/changeEvents.js';
import { incoming } from '../testSupport/deliveries.js';
import { taskHistory, taskOps, taskProjections } from '../testSupport/taskHistory.js';

const HOUR = 3600;
const task = { id: 'a', list: 'l0', points: 1, title: 't' };

describe('marker expiry', () => {
  it('a removed item’s marker expires 25 hours after the removal (24 h retention and a margin); a later change takes the expiry off', async () => {
    const settings = {
      projections: taskProjections(),
      store: new InMemoryProjectionStore(),
      deadLetters: new InMemoryDeadLetters(),
    };
    const removedAt = 1_700_000_000_000 + 2 * 1000;
    await processRecords(
      settings,
      incoming([
        changeEvent({ eventName: 'INSERT', keys: { id: 'a' }, sequence: 1, newImage: task }),
        changeEvent({
          eventName: 'REMOVE',
          keys: { id: 'a' },
          sequence: 2,
          oldImage: task,
          at: removedAt,
        }),
      ]),
    );
    const markers = () => (settings.store.tables().markers ?? []) as unknown as MarkerRow[];
    expect(markers()).toEqual([
      expect.objectContaining({
        contribution: null,
        expiresAt: Math.floor(removedAt / 1000) + 25 * HOUR,
      }),
    ]);
    await processRecords(
      settings,
      incoming([
        changeEvent({ eventName: 'INSERT', keys: { id: 'a' }, sequence: 3, newImage: task }),
      ]),
    );
    expect(markers()).toHaveLength(1);
    expect(markers()[0]).not.toHaveProperty('expiresAt');
  });

  it('once expired markers are gone, the marker table holds one marker per live item: it stays proportional to the table', async () => {
    await fc.assert(
      fc.asyncProperty(taskOps({ tasks: 12, lists: 3, maxLength: 80 }), async (ops) => {
        const history = taskHistory(ops, 2);
        const store = new InMemoryProjectionStore();
        for (const shard of history.shards)
          await processRecords(
            { projections: taskProjections(), store, deadLetters: new InMemoryDeadLetters() },
            incoming(shard),
          );
        const markers = (store.tables().markers ?? []) as unknown as MarkerRow[];
        const kept = markers.filter((m) => m.expiresAt === undefined);
        expect(kept).toHaveLength(history.live.size);
        expect(
          markers.filter((m) => m.expiresAt !== undefined).every((m) => m.contribution === null),
        ).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
