import { filterPattern, sortableSequenceNumber } from '@sluice/core';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { processBatch } from '../batch/processBatch.js';
import { processRecords } from '../batch/processRecords.js';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import { putIfNewer } from '../plan/write.js';
import { changeEvent } from '../testSupport/changeEvents.js';
import { incoming } from '../testSupport/deliveries.js';
import { lambdaRecord } from '../testSupport/lambdaRecords.js';
import { defineProjection } from './projection.js';

const Order = t.type({ id: t.string, status: t.string });

// A fourth projection, written by a user with the public API: the latest status per order.
const latestStatus = defineProjection({
  name: 'latestStatus',
  version: 1,
  item: Order,
  viewType: 'NEW_IMAGE',
  plan: (event) =>
    event.eventName === 'REMOVE'
      ? []
      : [
          putIfNewer(
            'statuses',
            { id: event.newImage.id },
            {
              id: event.newImage.id,
              status: event.newImage.status,
              version: sortableSequenceNumber(event.sequenceNumber),
            },
            'version',
          ),
        ],
});

const shippedOnly = E.getOrElseW(() => {
  throw new Error('invalid pattern');
})(filterPattern({ dynamodb: { NewImage: { status: { S: ['shipped'] } } } }));

const status = (sequence: number, value: string) =>
  changeEvent({
    eventName: sequence === 1 ? 'INSERT' : 'MODIFY',
    keys: { id: 'o1' },
    sequence,
    newImage: { id: 'o1', status: value },
    viewType: 'NEW_IMAGE',
  });

describe('defineProjection', () => {
  it('a user-written projection gets the same exactly-once treatment: replays and old batches change nothing', async () => {
    const settings = {
      projections: [latestStatus],
      store: new InMemoryProjectionStore(),
      deadLetters: new InMemoryDeadLetters(),
    };
    const events = [status(1, 'placed'), status(2, 'paid'), status(3, 'shipped')];
    await processRecords(settings, incoming(events));
    await processRecords(settings, incoming(events.slice(0, 2)));
    await processRecords(settings, incoming([events[0]!]));
    expect(settings.store.tables().statuses).toMatchObject([{ id: 'o1', status: 'shipped' }]);
  });

  it('refuses a definition without a usable name or version (a programmer error)', () => {
    const base = { item: Order, viewType: 'NEW_IMAGE' as const, plan: () => [] };
    expect(() => defineProjection({ ...base, name: '', version: 1 })).toThrow(/name/);
    expect(() => defineProjection({ ...base, name: 'a|b', version: 1 })).toThrow(/name/);
    expect(() => defineProjection({ ...base, name: 'ok', version: 0 })).toThrow(/version/);
  });

  it('sees only the records its filter lets through, like Lambda filtering', async () => {
    const onlyShipped = defineProjection({
      ...latestStatus,
      name: 'shipped',
      filter: shippedOnly,
    });
    const settings = {
      projections: [onlyShipped],
      store: new InMemoryProjectionStore(),
      deadLetters: new InMemoryDeadLetters(),
    };
    const result = await processBatch(
      settings,
      [status(1, 'placed'), status(3, 'shipped')].map(lambdaRecord),
    );
    expect(result).toMatchObject({ _tag: 'BatchCompleted', processed: 2 });
    expect(settings.store.tables().statuses).toMatchObject([{ status: 'shipped' }]);
    expect(settings.store.writeCount).toBe(1);
  });
});
