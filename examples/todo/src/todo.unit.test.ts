import { InMemoryDeadLetters, InMemoryProjectionStore } from '@sluice/projections';
import { deliverStream, given, InMemoryTable, ManualClock } from '@sluice/testing';
import { describe, expect, it } from 'vitest';
import { todoHandler } from './todoHandler.js';
import { todoProjections } from './todoProjections.js';
import { todoListTaskTable } from './todoTables.js';
import type { TodoTask } from './todoTask.js';

const task = (ListId: string, TaskId: string): TodoTask => ({
  ListId,
  TaskId,
  description: `task ${TaskId}`,
  created: '2024-01-01T09:00:00Z',
});

/** `ListId` is the partition key: a move deletes the task and re-creates it in the other list, atomically. */
const move = (tasks: InMemoryTable, from: TodoTask, ListId: string) =>
  tasks.transactWrite([
    { type: 'delete', key: { ListId: from.ListId, TaskId: from.TaskId } },
    { type: 'put', item: { ...from, ListId } },
  ]);

const countsOf = async (store: InMemoryProjectionStore) =>
  Object.fromEntries((await store.scan('todoTaskCount')).map((row) => [row.ListId, row.count]));

describe('todoTaskCount', () => {
  it('counts tasks per list through adds, moves and deletes, whatever Lambda redelivers', async () => {
    // Four shards: a move's REMOVE and INSERT usually land on different shards, read in any order.
    const tasks = new InMemoryTable({
      ...todoListTaskTable,
      clock: new ManualClock(),
      stream: { partitionCount: 4 },
    });
    tasks.put(task('home', 't1'));
    tasks.put(task('home', 't2'));
    tasks.put(task('work', 't3'));
    move(tasks, task('home', 't2'), 'work');
    tasks.delete({ ListId: 'home', TaskId: 't1' });
    tasks.update({ ListId: 'work', TaskId: 't3' }, { set: { description: 'renamed' } });

    const store = new InMemoryProjectionStore();
    const handler = todoHandler({ store, deadLetters: new InMemoryDeadLetters() });
    const report = await deliverStream({
      source: tasks,
      handler,
      options: { ...handler.recommendedEventSourceMapping, BatchSize: 2, ParallelizationFactor: 2 },
      faults: { duplicateBatch: 0.5, loseResponse: 0.5, interleaveShards: true, seed: 5 },
    });

    expect(report.faults.duplicatedBatches + report.faults.lostResponses).toBeGreaterThan(0);
    expect(await countsOf(store)).toEqual({ home: 0, work: 2 });
  });

  it('reads as a spec: the same tasks, delivered twice with every fault at once', () => {
    const tasks = new InMemoryTable({ ...todoListTaskTable, clock: new ManualClock() });
    tasks.put(task('home', 't1'));
    tasks.put(task('home', 't2'));
    move(tasks, task('home', 't2'), 'work');
    tasks.delete({ ListId: 'home', TaskId: 't1' });

    return given(tasks)
      .when(todoProjections, { deliveries: 'faulty', times: 2 })
      .then({
        todoTaskCount: [
          { ListId: 'home', count: 0 },
          { ListId: 'work', count: 1 },
        ],
      });
  });

  it('never counts a task twice when the store fails part-way and the batch is retried', async () => {
    const tasks = new InMemoryTable({ ...todoListTaskTable, clock: new ManualClock() });
    for (let i = 0; i < 30; i++) tasks.put(task(`list-${i % 3}`, `t${i}`));
    for (let i = 0; i < 30; i += 3) move(tasks, task(`list-${i % 3}`, `t${i}`), 'list-1');

    const store = new InMemoryProjectionStore();
    const handler = todoHandler({ store, deadLetters: new InMemoryDeadLetters() });
    store.failAfter(1, 'fail'); // the first batch's second write fails: Lambda retries from there
    await deliverStream({ source: tasks, handler, options: handler.recommendedEventSourceMapping });

    expect(await countsOf(store)).toEqual({ 'list-0': 0, 'list-1': 20, 'list-2': 10 });
  });
});
