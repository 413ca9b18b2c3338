import { describe, expect, it } from 'vitest';
import { changeEvent } from '../testSupport/changeEvents.js';
import { TaskCodec } from '../testSupport/taskHistory.js';
import { aggregate } from './aggregate.js';

const sums = aggregate({
  name: 'listTotals',
  version: 2,
  table: 'totals',
  markerTable: 'markers',
  item: TaskCodec,
  viewType: 'NEW_IMAGE',
  group: (t) => (t.list === 'trash' ? null : { list: t.list }),
  amounts: (t) => ({ count: 1, points: t.points }),
});
const task = (list: string) => ({ id: 'a', list, points: 3, title: 'x' });

describe('aggregate', () => {
  it('states what the item contributes after the change, under a marker scoped by name and version', () => {
    const event = changeEvent({
      eventName: 'INSERT',
      keys: { id: 'a' },
      sequence: 1,
      newImage: task('l1'),
      viewType: 'NEW_IMAGE',
    });
    expect(sums.plan(event as never)).toEqual([
      {
        _tag: 'Contribute',
        table: 'totals',
        markerTable: 'markers',
        markerId: `listTotals@2|${event.itemKey}`,
        sequenceNumber: event.sequenceNumber,
        contribution: { group: { list: 'l1' }, amounts: { count: 1, points: 3 } },
        alsoTouches: [],
      },
    ]);
  });

  it('contributes nothing after a REMOVE, or when the item belongs to no group', () => {
    const removed = changeEvent({
      eventName: 'REMOVE',
      keys: { id: 'a' },
      sequence: 2,
      viewType: 'NEW_IMAGE',
    });
    const trashed = changeEvent({
      eventName: 'MODIFY',
      keys: { id: 'a' },
      sequence: 3,
      newImage: task('trash'),
      viewType: 'NEW_IMAGE',
    });
    expect(sums.plan(removed as never)[0]).toMatchObject({ contribution: null });
    expect(sums.plan(trashed as never)[0]).toMatchObject({ contribution: null });
  });

  it('counts with { count: 1 } when no amounts are given', () => {
    const counts = aggregate({
      name: 'aggregate',
      table: 't',
      markerTable: 'm',
      item: TaskCodec,
      viewType: 'NEW_AND_OLD_IMAGES',
      group: (t) => ({ list: t.list }),
    });
    const event = changeEvent({
      eventName: 'INSERT',
      keys: { id: 'a' },
      sequence: 1,
      newImage: task('l1'),
    });
    expect(counts.plan(event as never)[0]).toMatchObject({
      contribution: { amounts: { count: 1 } },
    });
  });
});
