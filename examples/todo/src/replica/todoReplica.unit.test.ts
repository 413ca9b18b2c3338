import { InMemoryDeadLetters } from '@sluice/projections';
import { inMemoryScanSource, scanSnapshots } from '@sluice/projections/backfill';
import { createProjectionTables, dynamoDbProjectionStore } from '@sluice/projections/dynamodb';
import { lambdaHandler } from '@sluice/projections/lambda';
import {
  deliverStream,
  faultyDeliveries,
  given,
  InMemoryTable,
  InProcessDynamoDB,
  ManualClock,
  type PlainItem,
} from '@sluice/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { todoListTaskTable } from '../todoTables.js';
import { todoReplicaProjection, todoReplicaTable, todoReplicaTables } from './todoReplica.js';

// Bookkeeping the store adds to each replica row: the change's version and the owning item.
const BOOKKEEPING = ['sluiceVersion', 'sluiceSource'];

interface TaskStep {
  readonly list: 'home' | 'work';
  readonly task: number;
  readonly action: 'put' | 'rename' | 'delete' | 'move';
}

const taskStep: fc.Arbitrary<TaskStep> = fc.record({
  list: fc.constantFrom('home', 'work'),
  task: fc.nat(5),
  action: fc.constantFrom('put', 'rename', 'delete', 'move'),
});

/** A four-shard tasks table after these steps (moves re-create the task under the other list). */
const tasksAfter = (steps: readonly TaskStep[]) => {
  const tasks = new InMemoryTable({
    ...todoListTaskTable,
    clock: new ManualClock(),
    stream: { partitionCount: 4 },
  });
  write(tasks, steps);
  return tasks;
};

const write = (tasks: InMemoryTable, steps: readonly TaskStep[]) => {
  steps.forEach(({ list, task, action }, i) => {
    const key = { ListId: list, TaskId: `t${task}` };
    const item = { ...key, description: `v${i}`, created: '2024-01-01T09:00:00Z' };
    if (action === 'put') tasks.put(item);
    else if (action === 'rename') tasks.put({ ...item, description: `renamed ${i}` });
    else if (action === 'delete') tasks.delete(key);
    else
      tasks.transactWrite([
        { type: 'delete', key },
        { type: 'put', item: { ...item, ListId: list === 'home' ? 'work' : 'home' } },
      ]);
  });
};

const itemsOf = (table: InMemoryTable): PlainItem[] => table.scan().items;

describe('todoReplica', () => {
  it('equals the source table after faulty deliveries, twice over, for any task history', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(taskStep, { maxLength: 16 }), fc.nat(), async (steps, seed) => {
        const tasks = tasksAfter(steps);
        await given(tasks)
          .when(todoReplicaProjection, { deliveries: faultyDeliveries(seed), times: 2 })
          .then({ [todoReplicaTable.tableName]: itemsOf(tasks) }, { ignoring: BOOKKEEPING });
      }),
      { numRuns: 30 },
    );
  });

  it('starts from a table with data: a backfill snapshot, then the stream, ends as the source, in another "region"', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(taskStep, { maxLength: 12 }),
        fc.array(taskStep, { maxLength: 12 }),
        fc.nat(),
        async (before, during, seed) => {
          const tasks = tasksAfter(before);
          // The replica's region: its own DynamoDB, reached by its own client.
          const replicaRegion = new InProcessDynamoDB();
          const created = await createProjectionTables(replicaRegion.client(), todoReplicaTables);
          expect(created).toMatchObject({ _tag: 'Right' });
          const store = dynamoDbProjectionStore({ client: replicaRegion.documentClient() });
          const deadLetters = new InMemoryDeadLetters();
          // The scan reads the table as it was; writes land after it, and the stream carries all.
          const scanned = await scanSnapshots({
            source: inMemoryScanSource(tasks),
            projections: [todoReplicaProjection],
            store,
            deadLetters,
          });
          expect(scanned).toMatchObject({ _tag: 'Right' });
          write(tasks, during);
          const handler = lambdaHandler({
            projections: [todoReplicaProjection],
            store,
            deadLetters,
          });
          const plan = faultyDeliveries(seed);
          await deliverStream({
            source: tasks,
            handler,
            options: { ...handler.recommendedEventSourceMapping, ...plan.mapping },
            faults: plan.faults,
          });
          const replica = replicaRegion.table(todoReplicaTable.tableName);
          const strip = (item: PlainItem) =>
            Object.fromEntries(
              Object.entries(item).filter(([name]) => !BOOKKEEPING.includes(name)),
            );
          const sorted = (items: PlainItem[]) =>
            items.map(strip).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
          expect(sorted(itemsOf(replica))).toEqual(sorted(itemsOf(tasks)));
        },
      ),
      { numRuns: 20 },
    );
  });
});
