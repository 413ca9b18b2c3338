import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { processBatch } from '../../batch/processBatch.js';
import { aggregate } from '../../builtins/aggregate.js';
import { archive } from '../../builtins/archive.js';
import { orderHistory } from '../../builtins/orderHistory.js';
import type { DeadLetterSink } from '../../deadLetter/deadLetter.js';
import type { ProjectionStore } from '../../store/projectionStore.js';
import { lambdaRecord } from '../../testSupport/lambdaRecords.js';
import { type Task, TaskCodec, taskHistory, taskOps } from '../../testSupport/taskHistory.js';

/** The three built-ins over tasks, all reading with `codec`. */
export const tasksWith = (codec: t.Type<Task, Task, unknown>) => [
  orderHistory({
    name: 'taskHistory',
    table: 'history',
    item: codec,
    viewType: 'NEW_AND_OLD_IMAGES',
    entityId: (event) => String((event.keys as { id: string }).id),
  }),
  aggregate({
    name: 'listTotals',
    table: 'totals',
    markerTable: 'markers',
    item: codec,
    viewType: 'NEW_IMAGE',
    group: (task) => ({ list: task.list }),
    amounts: (task) => ({ count: 1, points: task.points }),
  }),
  archive({ name: 'taskArchive', table: 'archive', item: codec, viewType: 'OLD_IMAGE' }),
];

/** A codec with a bug: it refuses the tasks `refuses` picks (the fixed one is `TaskCodec`). */
export const buggyCodec = (refuses: (task: Task) => boolean): t.Type<Task, Task, unknown> =>
  new t.Type<Task, Task, unknown>(
    'BuggyTask',
    (u): u is Task => TaskCodec.is(u) && !refuses(u),
    (u, context) => {
      const decoded = TaskCodec.validate(u, context);
      return E.isRight(decoded) && refuses(decoded.right)
        ? t.failure(u, context, 'rejected by a codec bug')
        : decoded;
    },
    (task) => task,
  );

/** A random task history as Lambda-shaped records per shard, with how to cut each shard into batches. */
export const shardedRecords = fc
  .record({
    ops: taskOps({ tasks: 6, lists: 3, maxLength: 40, maxPoints: 6 }),
    batchSize: fc.integer({ min: 1, max: 8 }),
  })
  .map(({ ops, batchSize }) => ({
    shards: taskHistory(ops, 2).shards.map((events) => events.map(lambdaRecord)),
    batchSize,
  }));

/** Runs every shard's records through the projections in batches, as Lambda would without faults. */
export const runShards = async (
  shards: readonly (readonly unknown[])[],
  batchSize: number,
  settings: {
    projections: ReturnType<typeof tasksWith>;
    store: ProjectionStore;
    deadLetters: DeadLetterSink;
  },
): Promise<void> => {
  for (const records of shards)
    for (let start = 0; start < records.length; start += batchSize) {
      const result = await processBatch(settings, records.slice(start, start + batchSize));
      if (result._tag !== 'BatchCompleted') throw new Error(result.cause.message);
    }
};
