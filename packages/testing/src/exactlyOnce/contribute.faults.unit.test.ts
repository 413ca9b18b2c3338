import { aggregate, contribute, defineProjection } from '@sluice/projections';
import * as t from 'io-ts';
import { describe, it } from 'vitest';
import { given } from '../spec/given.js';

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

describe('contribute under fault schedules', () => {
  it('counts exactly once beside a built-in aggregate sharing its marker table', () =>
    given(
      [
        { put: { id: 't1', listId: 'home', points: 3, done: true } },
        { put: { id: 't2', listId: 'home', points: 5 } },
        { put: { id: 't2', listId: 'home', points: 5, done: true } },
        { put: { id: 't3', listId: 'work', points: 1, done: true } },
        { delete: { id: 't3' } },
      ],
      { partitionKey: { name: 'id', type: 'S' } },
    )
      .when(
        [
          donePoints,
          aggregate({
            name: 'tasksPerList',
            table: 'tasksPerList',
            markerTable: 'markers',
            item: Task,
            viewType: 'NEW_IMAGE',
            group: (task) => ({ listId: task.listId }),
          }),
        ],
        { deliveries: 'faulty', times: 2 },
      )
      .then({
        donePoints: [
          { listId: 'home', points: 8 },
          { listId: 'work', points: 0 },
        ],
        tasksPerList: [
          { listId: 'home', count: 2 },
          { listId: 'work', count: 0 },
        ],
      }));
});
