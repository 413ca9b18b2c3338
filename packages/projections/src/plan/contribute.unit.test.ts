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
});
