import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeEvent } from '../testSupport/changeEvents.js';
import { TaskCodec } from '../testSupport/taskHistory.js';
import { changedAttributes } from './changedAttributes.js';
import { isoTime } from './isoTime.js';
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

  it('builds every row as adding its fields one by one would: same fields, same order, key attributes last and winning', () => {
    const names = fc.constantFrom('entityId', 'change', 'orderId', 'at', 'eventName', 'newImage');
    fc.assert(
      fc.property(
        fc.constantFrom('INSERT', 'MODIFY', 'REMOVE'),
        fc.constantFrom('NEW_AND_OLD_IMAGES', 'NEW_IMAGE', 'OLD_IMAGE', 'KEYS_ONLY'),
        fc.constantFrom('new', 'old', 'both', 'none'),
        names,
        names,
        (eventName, viewType, images, partitionKey, sortKey) => {
          const event = changeEvent({
            eventName,
            keys: { id: 'a' },
            sequence: 7,
            oldImage: before,
            newImage: after,
            viewType,
          });
          const history = orderHistory({
            name: 'orderHistory',
            table: 'history',
            item: TaskCodec,
            viewType: 'KEYS_ONLY',
            entityId: () => 'a',
            partitionKey,
            sortKey,
            images,
          });
          const [write] = history.plan(event as never);
          // The obvious way: start with the four fields, add each present one, then the key.
          const seen = event as {
            newImage?: Record<string, unknown>;
            oldImage?: Record<string, unknown>;
          };
          const expected: Record<string, unknown> = {
            eventName: event.eventName,
            eventId: event.eventId,
            sequenceNumber: event.sequenceNumber,
            at: isoTime(event.approximateCreationTime),
          };
          if ((images === 'new' || images === 'both') && seen.newImage)
            expected.newImage = seen.newImage;
          if ((images === 'old' || images === 'both') && seen.oldImage)
            expected.oldImage = seen.oldImage;
          const changed =
            eventName === 'INSERT'
              ? seen.newImage && Object.keys(seen.newImage).sort()
              : eventName === 'REMOVE'
                ? seen.oldImage && Object.keys(seen.oldImage).sort()
                : seen.newImage && seen.oldImage && changedAttributes(seen.oldImage, seen.newImage);
          if (changed !== undefined) expected.changedAttributes = changed;
          const key = { [partitionKey]: 'a', [sortKey]: event.sequenceNumber.padStart(40, '0') };
          expected[partitionKey] = key[partitionKey];
          expected[sortKey] = key[sortKey];
          expect(write).toStrictEqual({ _tag: 'PutRow', table: 'history', key, row: expected });
          expect(Object.keys((write as { row: object }).row)).toEqual(Object.keys(expected));
        },
      ),
      { numRuns: 600 },
    );
  });
});
