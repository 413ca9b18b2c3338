import { describe, expect, it } from 'vitest';
import { changeEvent } from '../testSupport/changeEvents.js';
import { TaskCodec } from '../testSupport/taskHistory.js';
import { orderHistory } from './orderHistory.js';

const before = { id: 'a', list: 'l1', points: 1, title: 'x' };
const after = { id: 'a', list: 'l1', points: 2, title: 'y' };
const modify = changeEvent({
  eventName: 'MODIFY',
  keys: { id: 'a' },
  sequence: 42,
  oldImage: before,
  newImage: after,
  at: Date.UTC(2024, 4, 1, 10),
});

describe('orderHistory', () => {
  it('plans one row keyed by entity id and sortable sequence number, with images and changed attributes', () => {
    const history = orderHistory({
      name: 'orderHistory',
      table: 'history',
      item: TaskCodec,
      viewType: 'NEW_AND_OLD_IMAGES',
      entityId: (e) => String(e.keys.id),
    });
    const [write] = history.plan(modify as never);
    const change = modify.sequenceNumber.padStart(40, '0');
    expect(write).toEqual({
      _tag: 'PutRow',
      table: 'history',
      key: { entityId: 'a', change },
      row: {
        entityId: 'a',
        change,
        eventName: 'MODIFY',
        eventId: modify.eventId,
        sequenceNumber: modify.sequenceNumber,
        at: '2024-05-01T10:00:00.000Z',
        newImage: after,
        oldImage: before,
        changedAttributes: ['points', 'title'],
      },
    });
  });

  it('prefixes the sort key with the time and keeps only the images asked for', () => {
    const history = orderHistory({
      name: 'orderHistory',
      table: 'history',
      item: TaskCodec,
      viewType: 'NEW_AND_OLD_IMAGES',
      entityId: (e) => String(e.keys.id),
      partitionKey: 'orderId',
      sortKey: 'sk',
      timePrefix: true,
      images: 'new',
    });
    const [write] = history.plan(modify as never);
    expect(write).toMatchObject({
      key: {
        orderId: 'a',
        sk: `2024-05-01T10:00:00.000Z#${modify.sequenceNumber.padStart(40, '0')}`,
      },
    });
    expect(write).not.toHaveProperty('row.oldImage');
  });

  it('lists every attribute as changed by an INSERT, and none it cannot know on a NEW_IMAGE MODIFY', () => {
    const history = orderHistory({
      name: 'orderHistory',
      table: 'h',
      item: TaskCodec,
      viewType: 'NEW_IMAGE',
      entityId: (e) => String(e.keys.id),
    });
    const insert = changeEvent({
      eventName: 'INSERT',
      keys: { id: 'a' },
      sequence: 1,
      newImage: before,
      viewType: 'NEW_IMAGE',
    });
    const [inserted] = history.plan(insert as never);
    expect(inserted).toMatchObject({
      row: { changedAttributes: ['id', 'list', 'points', 'title'] },
    });
    const modified = history.plan({
      ...modify,
      streamViewType: 'NEW_IMAGE',
      oldImage: undefined,
    } as never);
    expect(modified[0]).not.toHaveProperty('row.changedAttributes');
  });
});
