import { ManualClock } from '@sluice/core';
import { InMemoryTable } from '@sluice/offline';
import fc from 'fast-check';
import { aggregate } from '../../builtins/aggregate.js';
import { archive } from '../../builtins/archive.js';
import { orderHistory } from '../../builtins/orderHistory.js';
import { TaskCodec } from '../../testSupport/taskHistory.js';
import { historySnapshot } from '../historySnapshot.js';
import type { BackfillTarget } from '../snapshotTarget.js';

/** One write to the task table: what happens to which task. */
export interface TaskWrite {
  readonly task: number;
  readonly kind: 'put' | 'retitle' | 'move' | 'delete';
  readonly list: number;
  readonly points: number;
}

/** Random writes over a few tasks and lists. */
export const taskWrites = (maxLength: number, tasks = 8): fc.Arbitrary<TaskWrite[]> =>
  fc.array(
    fc.record({
      task: fc.nat(tasks - 1),
      kind: fc.constantFrom<TaskWrite['kind']>('put', 'put', 'retitle', 'move', 'delete'),
      list: fc.nat(2),
      points: fc.integer({ min: 0, max: 4 }),
    }),
    { maxLength },
  );

/**
 * A task table (partition key `id`) with a NEW_AND_OLD_IMAGES stream over `shards` shards, on a
 * manual clock unless `wallClock` (a poller reading it then sees record times it can compare).
 */
export const taskTable = (shards = 2, wallClock = false): InMemoryTable =>
  new InMemoryTable({
    tableName: 'tasks',
    partitionKey: { name: 'id', type: 'S' },
    streamViewType: 'NEW_AND_OLD_IMAGES',
    stream: { partitionCount: shards },
    ...(wallClock ? {} : { clock: new ManualClock() }),
  });

let titles = 0;

/** Applies one write as a user would (an update of a missing task does nothing). */
export const applyWrite = (table: InMemoryTable, write: TaskWrite): void => {
  const id = `t${write.task}`;
  const list = `l${write.list}`;
  switch (write.kind) {
    case 'put':
      table.put({ id, list, points: write.points, title: 'new' });
      return;
    case 'delete':
      table.delete({ id });
      return;
    case 'retitle':
    case 'move': {
      const current = table.get({ id });
      if (current === undefined) return;
      table.put(
        write.kind === 'move' ? { ...current, list } : { ...current, title: `title ${++titles}` },
      );
    }
  }
};

// Several tasks share an entity, so snapshot rows of one entity must not collide.
const entityOf = (keys: unknown): string => `e${Number((keys as { id: string }).id.slice(1)) % 3}`;

/** The history, totals and archive projections over tasks, as the backfill tests use them. */
export const taskProjections = (version = 1) => {
  const history = orderHistory({
    name: 'taskHistory',
    version,
    table: 'history',
    item: TaskCodec,
    viewType: 'NEW_AND_OLD_IMAGES',
    entityId: (event) => entityOf(event.keys),
  });
  const totals = aggregate({
    name: 'listTotals',
    version,
    table: 'totals',
    markerTable: 'markers',
    item: TaskCodec,
    viewType: 'NEW_IMAGE',
    group: (task) => ({ list: task.list }),
    amounts: (task) => ({ count: 1, points: task.points }),
  });
  const archived = archive({
    name: 'taskArchive',
    version,
    table: 'archive',
    item: TaskCodec,
    viewType: 'OLD_IMAGE',
  });
  const targets: BackfillTarget[] = [
    {
      projection: history,
      snapshot: historySnapshot({ table: 'history', entityId: (event) => entityOf(event.keys) }),
    },
    { projection: totals },
    { projection: archived },
  ];
  return { history, totals, archived, all: [history, totals, archived], targets };
};
