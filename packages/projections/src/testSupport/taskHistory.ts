import type { ChangeEvent, StreamViewType } from '@sluice/core';
import fc from 'fast-check';
import * as t from 'io-ts';
import { aggregate } from '../builtins/aggregate.js';
import { archive } from '../builtins/archive.js';
import { orderHistory } from '../builtins/orderHistory.js';
import { changeEvent } from './changeEvents.js';

/** The source item of the test histories: a task in a list, worth some points. */
export const TaskCodec = t.type({
  id: t.string,
  list: t.string,
  points: t.number,
  title: t.string,
});
/** A task. */
export type Task = t.TypeOf<typeof TaskCodec>;

/** One step of a random history: what happens to which task. */
export interface TaskOp {
  readonly task: number;
  readonly kind: 'put' | 'retitle' | 'move' | 'delete' | 'expire';
  readonly list: number;
  readonly points: number;
}

const ALL_KINDS: readonly TaskOp['kind'][] = ['put', 'put', 'retitle', 'move', 'delete', 'expire'];

/** What random task histories look like: how many tasks and lists, how long, which operations. */
export interface TaskOpsShape {
  readonly tasks: number;
  readonly lists: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly kinds?: readonly TaskOp['kind'][];
  readonly maxPoints?: number;
}

/** Random operations over tasks and lists; lengths spread over the whole range (`size: 'max'`). */
export const taskOps = (shape: TaskOpsShape): fc.Arbitrary<TaskOp[]> =>
  fc.array(
    fc.record({
      task: fc.nat(shape.tasks - 1),
      kind: fc.constantFrom(...(shape.kinds ?? ALL_KINDS)),
      list: fc.nat(shape.lists - 1),
      points: fc.integer({ min: 0, max: shape.maxPoints ?? 5 }),
    }),
    { minLength: shape.minLength ?? 0, maxLength: shape.maxLength ?? 60, size: 'max' },
  );

/** A history as a stream would hold it: events per shard, plus the table's final content. */
export interface TaskHistory {
  readonly shards: ChangeEvent<unknown>[][];
  readonly live: ReadonlyMap<string, Task>;
}

const same = (a: Task, b: Task) =>
  a.list === b.list && a.points === b.points && a.title === b.title;

/**
 * Replays operations on a model table and records the stream DynamoDB would produce: no record
 * for a write that changes nothing; each task lives on one shard; per-shard sequence numbers grow.
 */
export const taskHistory = (
  ops: readonly TaskOp[],
  shardCount: number,
  viewType: StreamViewType = 'NEW_AND_OLD_IMAGES',
): TaskHistory => {
  const live = new Map<string, Task>();
  const shards: ChangeEvent<unknown>[][] = Array.from({ length: shardCount }, () => []);
  let sequence = 0;
  let titles = 0;
  for (const op of ops) {
    const id = `t${op.task}`;
    const before = live.get(id);
    const keys = { id };
    let after: Task | undefined;
    if (op.kind === 'put') after = { id, list: `l${op.list}`, points: op.points, title: 'new' };
    else if (op.kind === 'retitle' && before) after = { ...before, title: `title ${++titles}` };
    else if (op.kind === 'move' && before) after = { ...before, list: `l${op.list}` };
    else if (op.kind === 'retitle' || op.kind === 'move') continue;
    if (after === undefined && before === undefined) continue;
    if (after && before && same(after, before)) continue;
    sequence++;
    const shard = shards[op.task % shardCount]!;
    if (after === undefined) {
      live.delete(id);
      shard.push(
        changeEvent({
          eventName: 'REMOVE',
          keys,
          sequence,
          oldImage: before,
          ttl: op.kind === 'expire',
          viewType,
        }),
      );
    } else {
      live.set(id, after);
      shard.push(
        changeEvent({
          eventName: before ? 'MODIFY' : 'INSERT',
          keys,
          sequence,
          newImage: after,
          oldImage: before,
          viewType,
        }),
      );
    }
  }
  return { shards, live };
};

/** The three built-ins over tasks, as a user would configure them. */
export const taskProjections = () => [
  orderHistory({
    name: 'taskHistory',
    table: 'history',
    item: TaskCodec,
    viewType: 'NEW_AND_OLD_IMAGES',
    entityId: (event) => String((event.keys as { id: string }).id),
  }),
  aggregate({
    name: 'listTotals',
    table: 'totals',
    markerTable: 'markers',
    item: TaskCodec,
    viewType: 'NEW_IMAGE',
    group: (task) => ({ list: task.list }),
    amounts: (task) => ({ count: 1, points: task.points }),
  }),
  archive({ name: 'taskArchive', table: 'archive', item: TaskCodec, viewType: 'OLD_IMAGE' }),
];

/** Counts and points per list of the live tasks: what the totals table must say. */
export const expectedTotals = (live: ReadonlyMap<string, Task>): Map<string, [number, number]> => {
  const totals = new Map<string, [number, number]>();
  for (const task of live.values()) {
    const [count, points] = totals.get(task.list) ?? [0, 0];
    totals.set(task.list, [count + 1, points + task.points]);
  }
  return totals;
};
