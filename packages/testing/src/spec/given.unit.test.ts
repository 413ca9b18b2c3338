import { InMemoryTable } from '@sluice/offline';
import { aggregate, archive, defineProjection, orderHistory } from '@sluice/projections';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { faultyDeliveries } from './deliveryPlan.js';
import { given } from './given.js';

const Task = t.type({ id: t.string, listId: t.string });
const seq = (n: number) => String(n).padStart(21, '0');
const sortable = (n: number) => String(n).padStart(40, '0');
const MONOTONE = { stream: { sequenceNumbers: 'monotone' } } as const;

describe('given(changes).when(projection).then(tables)', () => {
  it('order history: one row per change, even when every batch is delivered twice and the stream twice', async () => {
    const history = orderHistory({
      name: 'orderHistory',
      table: 'history',
      item: Task,
      viewType: 'NEW_AND_OLD_IMAGES',
      entityId: (event) => String(event.keys.id),
      images: 'new',
    });
    await given(
      [
        { put: { id: 't1', listId: 'a' } },
        { update: { id: 't1' }, with: { set: { listId: 'b' } } },
        { put: { id: 't1', listId: 'b' } }, // changes nothing: DynamoDB emits no record
        { delete: { id: 't1' } },
        // Literal sequence numbers below: one stream-wide counter, not per-shard seeded numbers.
      ],
      MONOTONE,
    )
      .when(history, { deliveries: 'duplicated', times: 2 })
      .then(
        {
          history: [
            {
              entityId: 't1',
              change: sortable(1),
              eventName: 'INSERT',
              sequenceNumber: seq(1),
              at: '2024-01-01T00:00:00.000Z',
              newImage: { id: 't1', listId: 'a' },
              changedAttributes: ['id', 'listId'],
            },
            {
              entityId: 't1',
              change: sortable(2),
              eventName: 'MODIFY',
              sequenceNumber: seq(2),
              at: '2024-01-01T00:00:00.000Z',
              newImage: { id: 't1', listId: 'b' },
              changedAttributes: ['listId'],
            },
            {
              entityId: 't1',
              change: sortable(3),
              eventName: 'REMOVE',
              sequenceNumber: seq(3),
              at: '2024-01-01T00:00:00.000Z',
              changedAttributes: ['id', 'listId'],
            },
          ],
        },
        { ignoring: ['eventId'] },
      );
  });

  it('counts: items moved between lists and deleted count once, under every fault at once', async () => {
    const counts = aggregate({
      name: 'aggregate',
      table: 'counts',
      markerTable: 'markers',
      item: Task,
      viewType: 'NEW_IMAGE',
      group: (task) => ({ listId: task.listId }),
    });
    const run = given([
      { put: { id: 't1', listId: 'a' } },
      { put: { id: 't2', listId: 'a' } },
      { put: { id: 't3', listId: 'b' } },
      { update: { id: 't3' }, with: { set: { listId: 'a' } } },
      { update: { id: 't2' }, with: { set: { listId: 'c' } } },
      { delete: { id: 't1' } },
    ]).when(counts, { deliveries: 'faulty', times: 2 });
    await run.then({
      counts: [
        { listId: 'a', count: 1 },
        { listId: 'b', count: 0 },
        { listId: 'c', count: 1 },
      ],
    });
    // The preset is meant to hit every kind of fault even on a handful of changes.
    const { deliveries, storeFaultsArmed } = await run.outcome();
    const injected = deliveries.map((report) => report.faults);
    expect(injected.some((f) => f.duplicatedBatches > 0)).toBe(true);
    expect(injected.some((f) => f.lostResponses > 0)).toBe(true);
    expect(injected.some((f) => f.regroupedRetries > 0)).toBe(true);
    expect(storeFaultsArmed).toBeGreaterThan(0);
  });

  it('archive: only TTL removals are archived, with the time the clock says', async () => {
    const expired = archive({
      name: 'archive',
      table: 'archive',
      item: Task,
      viewType: 'OLD_IMAGE',
      removals: 'ttl',
    });
    const inAnHour = Date.UTC(2024, 0, 1, 1) / 1000;
    await given(
      (table, clock) => {
        table.put({ id: 't1', listId: 'a', expiresAt: inAnHour });
        table.put({ id: 't2', listId: 'a' });
        clock.advance(2 * 60 * 60 * 1000);
        table.sweepTtl();
        table.delete({ id: 't2' });
      },
      { timeToLiveAttribute: 'expiresAt', ...MONOTONE },
    )
      .when(expired, { deliveries: faultyDeliveries(7), times: 2 })
      .then({
        archive: [
          {
            id: 't1',
            item: { id: 't1', listId: 'a', expiresAt: inAnHour },
            removedAt: '2024-01-01T02:00:00.000Z',
            removedBy: 'ttl',
            sequenceNumber: sortable(3),
          },
        ],
      });
  });

  it('a projection of your own, with changes as steps (clock moves and TTL sweeps included)', async () => {
    const Order = t.type({ orderId: t.string, status: t.string });
    const latestStatus = defineProjection({
      name: 'latestStatus',
      version: 1,
      item: Order,
      viewType: 'NEW_IMAGE',
      plan: (event) =>
        event.eventName === 'REMOVE'
          ? []
          : [
              {
                _tag: 'PutIfNewer',
                table: 'status',
                key: { orderId: event.newImage.orderId },
                row: {
                  orderId: event.newImage.orderId,
                  status: event.newImage.status,
                  version: event.sequenceNumber,
                },
                versionAttribute: 'version',
              },
            ],
    });
    await given(
      [
        { put: { orderId: 'o1', status: 'NEW' } },
        { put: { orderId: 'o2', status: 'NEW' } },
        { update: { orderId: 'o2' }, with: { set: { status: 'PAID' } } },
        { advanceClockMs: 1000 },
        {
          update: { orderId: 'o2' },
          with: (order) => ({ ...order, orderId: 'o2', status: 'SHIPPED' }),
        },
      ],
      { partitionKey: { name: 'orderId', type: 'S' } },
    )
      .when(latestStatus, { deliveries: 'faulty', times: 2 })
      .then(
        {
          status: [
            { orderId: 'o1', status: 'NEW' },
            { orderId: 'o2', status: 'SHIPPED' },
          ],
        },
        { ignoring: ['version'] },
      );
  });

  it('refuses two projections with one name when the spec is built, naming both', () => {
    // Both once defaulted to the name `aggregate`: their markers collided in the shared table.
    const countBy = (table: string) =>
      aggregate({
        name: 'perList',
        table,
        markerTable: 'markers',
        item: Task,
        viewType: 'NEW_IMAGE',
        group: (task) => ({ listId: task.listId }),
      });
    expect(() =>
      given([{ put: { id: 't1', listId: 'a' } }]).when([countBy('counts'), countBy('others')]),
    ).toThrow('given().when(): projections #1 and #2 are both named "perList"');
  });

  it('accepts a table you wrote yourself, and several projections at once', async () => {
    const table = new InMemoryTable({
      tableName: 'tasks',
      partitionKey: { name: 'listId', type: 'S' },
      sortKey: { name: 'id', type: 'S' },
      streamViewType: 'NEW_AND_OLD_IMAGES',
    });
    table.put({ listId: 'a', id: 't1' });
    table.delete({ listId: 'a', id: 't1' });
    const run = given(table).when([
      archive({
        name: 'archive',
        table: 'archive',
        item: Task,
        viewType: 'OLD_IMAGE',
      }),
      aggregate({
        name: 'aggregate',
        table: 'counts',
        markerTable: 'markers',
        item: Task,
        viewType: 'NEW_IMAGE',
        group: (task) => ({ listId: task.listId }),
      }),
    ]);
    await run.then({
      counts: [{ listId: 'a', count: 0 }],
      archive: [expect.objectContaining({ listId: 'a', id: 't1', removedBy: 'user' })],
    });
    expect((await run.outcome()).source).toBe(table);
  });
});
