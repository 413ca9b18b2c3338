import { decodeRecord, eventNames, filterPattern } from '@sluice/core';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../builtins/aggregate.js';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import { inMemoryScanSource } from './inMemoryScanSource.js';
import { scanSnapshots } from './scanSnapshots.js';
import type { ScannedItem, SourceDescription } from './scanSource.js';
import { isSnapshot, SNAPSHOT_SEQUENCE_NUMBER, snapshotRecord } from './snapshotRecord.js';
import { snapshotProjection } from './snapshotTarget.js';
import { taskProjections, taskTable } from './testSupport/backfillTasks.js';

const source: SourceDescription = {
  tableName: 'orders',
  keyAttributes: ['orderId', 'lineId'],
  approximateItemCount: 1,
  readCapacityUnits: undefined,
  streamArn: 'arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/2024-01-01T00:00:00.000',
  streamViewType: 'NEW_AND_OLD_IMAGES',
};
const item: ScannedItem = {
  orderId: { S: 'o-1' },
  lineId: { N: '2' },
  quantity: { N: '3' },
};
const readAt = new Date('2024-05-01T10:00:00.400Z');

describe('snapshot records', () => {
  it('decode as an INSERT of the item with sequence number zero, named after the item', () => {
    const record = snapshotRecord(item, source, readAt);
    const decoded = decodeRecord({ item: t.unknown }, record);
    if (E.isLeft(decoded)) throw new Error(decoded.left.message);
    const event = decoded.right;
    expect(event).toMatchObject({
      eventName: 'INSERT',
      sequenceNumber: SNAPSHOT_SEQUENCE_NUMBER,
      keys: { orderId: 'o-1', lineId: 2 },
      newImage: { orderId: 'o-1', lineId: 2, quantity: 3 },
      approximateCreationTime: new Date('2024-05-01T10:00:00.000Z'),
      tableName: 'orders',
      region: 'eu-west-1',
    });
    expect(event.eventId).toBe(`snapshot:${event.itemKey}`);
    expect(isSnapshot(event)).toBe(true);
    expect(isSnapshot({ eventId: 'abc', sequenceNumber: '000000000000000000001' as never })).toBe(
      false,
    );
  });

  it('carry the images the live stream’s INSERTs carry: none on a KEYS_ONLY stream', () => {
    const record = snapshotRecord(item, { ...source, streamViewType: 'KEYS_ONLY' }, readAt);
    expect(record.dynamodb?.NewImage).toBeUndefined();
    expect(record.dynamodb?.StreamViewType).toBe('KEYS_ONLY');
  });

  it('pass a projection’s filter as an INSERT would', () => {
    const record = snapshotRecord(item, source, readAt);
    expect(eventNames('INSERT').matches(record)).toBe(true);
    expect(eventNames('REMOVE').matches(record)).toBe(false);
    const bigOrders = filterPattern({
      dynamodb: { NewImage: { quantity: { N: [{ numeric: ['>', 5] }] } } },
    });
    if (E.isLeft(bigOrders)) throw new Error(bigOrders.left.message);
    expect(bigOrders.right.matches(record)).toBe(false);
  });

  it('by default plan no per-change row (PutRow), only state-based writes', () => {
    const { history, totals } = taskProjections();
    const event = decodeRecord(
      { item: t.unknown },
      snapshotRecord(
        { id: { S: 't1' }, list: { S: 'l0' }, points: { N: '1' }, title: { S: 'x' } },
        { ...source, keyAttributes: ['id'] },
        readAt,
      ),
    );
    if (E.isLeft(event)) throw new Error(event.left.message);
    expect(history.plan(event.right as never)).toHaveLength(1);
    expect(snapshotProjection({ projection: history }).plan(event.right as never)).toEqual([]);
    expect(snapshotProjection({ projection: totals }).plan(event.right as never)).toMatchObject([
      { _tag: 'Contribute', sequenceNumber: SNAPSHOT_SEQUENCE_NUMBER },
    ]);
  });
});

describe('items a projection refuses', () => {
  const setup = () => {
    const table = taskTable(1);
    table.put({ id: 't1', list: 'l0', points: 1, title: 'fine' });
    table.put({ id: 't2', list: 'l0', points: 'many', title: 'broken' });
    table.put({ id: 't3', list: 'l1', points: 2, title: 'fine' });
    const counts = aggregate({
      name: 'counts',
      table: 'counts',
      markerTable: 'markers',
      item: t.type({ id: t.string, list: t.string, points: t.number }),
      viewType: 'NEW_IMAGE',
      group: (task) => ({ list: task.list }),
      amounts: (task) => ({ count: 1, points: task.points }),
    });
    return { table, counts };
  };

  it('go to the dead-letter sink with their snapshot eventID, and the rest is applied', async () => {
    const { table, counts } = setup();
    const deadLetters = new InMemoryDeadLetters();
    const store = new InMemoryProjectionStore();
    const result = await scanSnapshots({
      source: inMemoryScanSource(table),
      projections: [counts],
      store,
      deadLetters,
      segments: 1,
    });
    expect(result).toMatchObject({
      _tag: 'Right',
      right: { complete: true, poison: 1, scanned: 3 },
    });
    expect(deadLetters.letters).toMatchObject([
      {
        projection: 'counts',
        sequenceNumber: SNAPSHOT_SEQUENCE_NUMBER,
        reason: { _tag: 'ImageDecodeFailure' },
      },
    ]);
    expect(deadLetters.letters[0]?.eventId).toMatch(/^snapshot:.*t2/);
    expect(store.tables().counts).toEqual([
      { list: 'l0', count: 1, points: 1 },
      { list: 'l1', count: 1, points: 2 },
    ]);
  });

  it('stop the backfill with poison: block, naming the segment', async () => {
    const { table, counts } = setup();
    const result = await scanSnapshots({
      source: inMemoryScanSource(table),
      projections: [counts],
      store: new InMemoryProjectionStore(),
      deadLetters: new InMemoryDeadLetters(),
      poison: 'block',
      segments: 1,
    });
    expect(result).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'PageFailed', segment: 0, cause: { _tag: 'PoisonBlocked' } },
    });
  });
});
