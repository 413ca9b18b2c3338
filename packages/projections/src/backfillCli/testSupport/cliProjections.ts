// A user's projections module, as `sluice-backfill --module` loads it.
import * as t from 'io-ts';
import { historySnapshot } from '../../backfill/historySnapshot.js';
import { aggregate } from '../../builtins/aggregate.js';
import { orderHistory } from '../../builtins/orderHistory.js';

const Task = t.type({ id: t.string, list: t.string, points: t.number });

/** Tasks and points per list. */
export const taskTotals = aggregate({
  name: 'taskTotals',
  table: 'totals',
  markerTable: 'markers',
  item: Task,
  viewType: 'NEW_AND_OLD_IMAGES',
  group: (task) => ({ list: task.list }),
  amounts: (task) => ({ count: 1, points: task.points }),
});

const byList = (event: { keys: unknown }) => String((event.keys as { id: string }).id);

/** Every change of a task, with a SNAPSHOT row per task the backfill found. */
export const taskHistory = {
  projection: orderHistory({
    name: 'taskHistory',
    table: 'history',
    item: Task,
    viewType: 'NEW_AND_OLD_IMAGES',
    entityId: byList,
  }),
  snapshot: historySnapshot({ table: 'history', entityId: byList }),
};

/** Not a projection: the CLI must say so. */
export const notAProjection = { name: 'nope' };
