import { InMemoryDeadLetters, InMemoryProjectionStore } from '@sluice/projections';
import { deliverStream, given, InMemoryTable, ManualClock } from '@sluice/testing';
import { describe, expect, it } from 'vitest';
import { archiveHandler } from './archiveHandler.js';
import { archiveProjections } from './archiveProjections.js';
import { expiringTasksTable } from './archiveTables.js';
import type { ExpiringTask } from './expiringTask.js';

const HOUR_MS = 3_600_000;

const expiringTask = (TaskId: string, clock: ManualClock, inHours: number): ExpiringTask => ({
  ListId: 'home',
  TaskId,
  description: `task ${TaskId}`,
  created: new Date(clock.now()).toISOString(),
  expires: Math.floor((clock.now() + inHours * HOUR_MS) / 1000),
});

const setUp = () => {
  const clock = new ManualClock();
  const tasks = new InMemoryTable({ ...expiringTasksTable, clock });
  const store = new InMemoryProjectionStore();
  const handler = archiveHandler({ store, deadLetters: new InMemoryDeadLetters() });
  return { clock, tasks, store, handler };
};

describe('todoListTaskArchived', () => {
  it('keeps the tasks TTL deleted and none a user deleted', async () => {
    const { clock, tasks, store, handler } = setUp();
    tasks.put(expiringTask('t1', clock, 1));
    tasks.put(expiringTask('t2', clock, 1));
    tasks.put(expiringTask('t3', clock, 48));
    tasks.delete({ ListId: 'home', TaskId: 't2' }); // by a user: not archived
    clock.advance(2 * HOUR_MS);
    tasks.sweepTtl(); // DynamoDB's TTL process deletes t1

    const report = await deliverStream({
      source: tasks,
      handler,
      options: handler.recommendedEventSourceMapping, // FilterCriteria: TTL removals only
      faults: { duplicateBatch: true, loseResponse: true, seed: 2 },
    });

    expect(report.recordsFilteredOut).toBe(4); // three inserts and the user's delete
    const archived = await store.scan('todoListTaskArchived');
    expect(archived).toEqual([
      expect.objectContaining({
        ListId: 'home',
        TaskId: 't1',
        removedBy: 'ttl',
        item: expiringTask('t1', new ManualClock(), 1),
      }),
    ]);
  });

  it('reads as a spec: one TTL deletion archived, one user delete not, whatever the delivery', () => {
    const { clock, tasks } = setUp();
    tasks.put(expiringTask('t1', clock, 1));
    tasks.put(expiringTask('t2', clock, 1));
    tasks.delete({ ListId: 'home', TaskId: 't2' });
    clock.advance(2 * HOUR_MS);
    tasks.sweepTtl();

    return given(tasks)
      .when(archiveProjections, { deliveries: 'faulty', times: 2 })
      .then({
        todoListTaskArchived: [
          {
            ListId: 'home',
            TaskId: 't1',
            item: expiringTask('t1', new ManualClock(), 1),
            removedAt: '2024-01-01T02:00:00.000Z',
            removedBy: 'ttl',
            sequenceNumber: expect.any(String),
          },
        ],
      });
  });

  it('keeps the latest expiry of a task that expired, came back and expired again, replays included', async () => {
    const { clock, tasks, store, handler } = setUp();
    tasks.put(expiringTask('t1', clock, 1));
    clock.advance(2 * HOUR_MS);
    tasks.sweepTtl();
    tasks.put({ ...expiringTask('t1', clock, 1), description: 'second life' });
    clock.advance(2 * HOUR_MS);
    tasks.sweepTtl();

    await deliverStream({
      source: tasks,
      handler,
      options: { ...handler.recommendedEventSourceMapping, BatchSize: 1 },
      faults: { duplicateBatch: 1, regroupRetries: true, seed: 9 },
    });

    const archived = await store.scan('todoListTaskArchived');
    expect(archived.map((row) => (row.item as ExpiringTask).description)).toEqual(['second life']);
  });
});
