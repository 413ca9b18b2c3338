import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { defineProjection } from '../projection/projection.js';
import { changeEvent } from '../testSupport/changeEvents.js';
import { contribute } from './write.js';

const Task = t.type({ id: t.string, listId: t.string, points: t.number });

// A user's own aggregate, written with the public constructor: points per list, done tasks only.
const donePoints = defineProjection({
  name: 'donePoints',
  version: 2,
  item: t.intersection([Task, t.partial({ done: t.boolean })]),
  viewType: 'NEW_IMAGE',
  plan: (event) => {
    const task = event.eventName === 'REMOVE' ? undefined : event.newImage;
    return [
      contribute({
        projection: { name: 'donePoints', version: 2 },
        event,
        table: 'donePoints',
        markerTable: 'markers',
        contribution:
          task?.done === true
            ? { group: { listId: task.listId }, amounts: { points: task.points } }
            : null,
      }),
    ];
  },
});

describe('contribute', () => {
  it('builds a Contribute scoped by the projection, as the aggregate scopes its own', () => {
    const event = changeEvent({
      eventName: 'INSERT',
      keys: { id: 't1' },
      sequence: 7,
      newImage: { id: 't1', listId: 'home', points: 3, done: true },
    });
    const [write] = donePoints.plan(event as never);
    expect(write).toEqual({
      _tag: 'Contribute',
      table: 'donePoints',
      markerTable: 'markers',
      markerId: `donePoints@2|${event.itemKey}`,
      sequenceNumber: event.sequenceNumber,
      contribution: { group: { listId: 'home' }, amounts: { points: 3 } },
      alsoTouches: [],
    });
  });

  it('is refused when a projection plans a marker outside its own scope', () => {
    const stray = defineProjection({
      name: 'stray',
      version: 1,
      item: Task,
      viewType: 'NEW_IMAGE',
      plan: (event) => [
        contribute({
          projection: { name: 'tasksPerList', version: 1 },
          event,
          table: 'counts',
          markerTable: 'markers',
          contribution: null,
        }),
      ],
    });
    const event = changeEvent({
      eventName: 'INSERT',
      keys: { id: 't1' },
      sequence: 1,
      newImage: { id: 't1', listId: 'home', points: 1 },
    });
    expect(() => stray.plan(event as never)).toThrow(
      /projection stray planned marker "tasksPerList@1\|.*" outside its scope "stray@1\|"/,
    );
  });

  it('keeps the marker in the group row with markerRow, with the change time and a removal’s expiry', () => {
    const at = new Date('2026-12-05T10:00:00Z');
    const seconds = at.getTime() / 1000;
    const event = { itemKey: 'k', sequenceNumber: '7' as never, approximateCreationTime: at };
    const projection = { name: 'inRows', version: 1 };
    const group = { listId: 'home' };
    const put = contribute({
      projection,
      event,
      table: 'points',
      markerRow: group,
      contribution: { group, amounts: { points: 3 } },
    });
    expect(put).toMatchObject({ markerTable: 'points', markerRow: group, changedAt: seconds });
    expect(put).not.toHaveProperty('expiresAt');
    const removed = contribute({
      projection,
      event,
      table: 'points',
      markerRow: group,
      contribution: null,
    });
    expect(removed).toMatchObject({ changedAt: seconds, expiresAt: seconds + 25 * 3600 });
  });

  it('refuses neither or both of markerTable and markerRow', () => {
    const input = {
      projection: { name: 'p', version: 1 },
      event: { itemKey: 'k', sequenceNumber: '1' as never },
      table: 't',
      contribution: null,
    };
    const both = { ...input, markerTable: 'm', markerRow: { id: 'x' } };
    const typed = () =>
      // @ts-expect-error a marker lives in one place: markerTable or markerRow
      contribute({ ...input, markerTable: 'm', markerRow: { id: 'x' } });
    expect(typed).toThrow(/exactly one of markerTable and markerRow/);
    // Plain JavaScript gets the error too.
    expect(() => contribute(input as never)).toThrow(/exactly one of markerTable and markerRow/);
    expect(() => contribute(both as never)).toThrow(/exactly one of markerTable and markerRow/);
  });
});
