import { filterCriteria, ManualClock } from '@sluice/core';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { InMemoryTable } from '../table/inMemoryTable.js';
import { createEventSourceMapping, deliverStream } from './deliveryDriver.js';
import { InvalidEventSourceMapping } from './resolveMappingOptions.js';

const newTable = () =>
  new InMemoryTable({
    tableName: 'orders',
    partitionKey: { name: 'pk', type: 'S' },
    streamViewType: 'NEW_AND_OLD_IMAGES',
    clock: new ManualClock(),
  });

const names = (events: DynamoDBStreamEvent[]) =>
  events.flatMap((e) => e.Records.map((r) => `${r.eventName} ${r.dynamodb?.Keys?.pk?.S}`));

describe('FilterCriteria', () => {
  it('delivers only matching records; the others count as processed and never come back', async () => {
    const table = newTable();
    table.put({ pk: 'a', status: 'new' });
    table.put({ pk: 'b', status: 'new' });
    table.update({ pk: 'a' }, { set: { status: 'paid' } });
    table.delete({ pk: 'b' });
    const events: DynamoDBStreamEvent[] = [];
    const mapping = await createEventSourceMapping({
      source: table,
      handler: async (event) => {
        events.push(event);
      },
      options: {
        FilterCriteria: {
          Filters: [
            { Pattern: JSON.stringify({ eventName: ['REMOVE'] }) },
            { Pattern: JSON.stringify({ dynamodb: { NewImage: { status: { S: ['paid'] } } } }) },
          ],
        },
      },
    });
    const report = await mapping.drain();
    expect(names(events)).toEqual(['MODIFY a', 'REMOVE b']);
    expect(report).toMatchObject({ recordsRead: 4, recordsFilteredOut: 2, recordsSucceeded: 2 });
    expect((await mapping.drain()).invocations).toBe(0);
  });

  it('takes criteria built with core, and skips the invocation when a whole batch is filtered out', async () => {
    const table = newTable();
    table.put({ pk: 'a' });
    table.put({ pk: 'b' });
    const criteria = filterCriteria({ eventName: ['MODIFY'] });
    if (E.isLeft(criteria)) throw new Error(criteria.left.message);
    const report = await deliverStream({
      source: table,
      handler: async () => {},
      options: { FilterCriteria: criteria.right },
    });
    expect(report).toMatchObject({ invocations: 0, recordsFilteredOut: 2 });
  });

  it('refuses an invalid pattern as Lambda does', async () => {
    await expect(
      createEventSourceMapping({
        source: newTable(),
        handler: async () => {},
        options: { FilterCriteria: { Filters: [{ Pattern: '{"eventName": "INSERT"}' }] } },
      }),
    ).rejects.toThrow(InvalidEventSourceMapping);
  });
});
