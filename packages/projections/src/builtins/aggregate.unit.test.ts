import { describe, expect, it } from 'vitest';
import { contribute } from '../plan/write.js';
import { defineProjection } from '../projection/projection.js';
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

  it('with groupOfKey keeps the marker in the group row named by the key, removals included', () => {
    const inRows = aggregate({
      name: 'pointsPerList',
      table: 'points',
      item: TaskCodec,
      viewType: 'NEW_IMAGE',
      groupOfKey: (key) => ({ list: String(key.list) }),
      amounts: (t) => (t.list === 'trash' ? null : { points: t.points }),
    });
    const inserted = changeEvent({
      eventName: 'INSERT',
      keys: { list: 'l1', id: 'a' },
      sequence: 1,
      newImage: task('l1'),
      viewType: 'NEW_IMAGE',
    });
    const removed = changeEvent({
      eventName: 'REMOVE',
      keys: { list: 'l1', id: 'a' },
      sequence: 2,
      viewType: 'NEW_IMAGE',
    });
    const at = (event: typeof inserted) =>
      Math.floor(event.approximateCreationTime.getTime() / 1000);
    expect(inRows.plan(inserted as never)).toEqual([
      {
        _tag: 'Contribute',
        table: 'points',
        markerTable: 'points',
        markerId: `pointsPerList@1|${inserted.itemKey}`,
        sequenceNumber: inserted.sequenceNumber,
        contribution: { group: { list: 'l1' }, amounts: { points: 3 } },
        alsoTouches: [],
        markerRow: { list: 'l1' },
        changedAt: at(inserted),
      },
    ]);
    expect(inRows.plan(removed as never)[0]).toMatchObject({
      contribution: null,
      markerRow: { list: 'l1' },
      changedAt: at(removed),
      expiresAt: at(removed) + 25 * 3600,
    });
    expect(inRows.tables).toEqual(['points']);
  });

  it('refuses a custom write that keeps its marker in a row it does not contribute to', () => {
    const misplaced = defineProjection({
      name: 'misplaced',
      version: 1,
      item: TaskCodec,
      viewType: 'NEW_IMAGE',
      plan: (event) => [
        {
          ...contribute({
            projection: { name: 'misplaced', version: 1 },
            event,
            table: 't',
            markerTable: 't',
            contribution: { group: { list: 'l2' }, amounts: { count: 1 } },
          }),
          markerRow: { list: 'l1' },
        },
      ],
    });
    const event = changeEvent({
      eventName: 'INSERT',
      keys: { id: 'a' },
      sequence: 1,
      newImage: task('l1'),
      viewType: 'NEW_IMAGE',
    });
    expect(() => misplaced.plan(event as never)).toThrow(
      /in its group row, but it contributes to another group/,
    );
    const touching = (group: { list: string }) =>
      defineProjection({
        name: 'touching',
        version: 1,
        item: TaskCodec,
        viewType: 'NEW_IMAGE',
        plan: (e) => [
          {
            ...contribute({
              projection: { name: 'touching', version: 1 },
              event: e,
              table: 't',
              markerTable: 't',
              contribution: null,
            }),
            alsoTouches: [{ group, amounts: { count: 0 } }],
            markerRow: { list: 'l1' },
          },
        ],
      });
    expect(() => touching({ list: 'l2' }).plan(event as never)).toThrow(
      /in its group row, but it also touches other groups/,
    );
    expect(touching({ list: 'l1' }).plan(event as never)).toHaveLength(1);
  });
});
