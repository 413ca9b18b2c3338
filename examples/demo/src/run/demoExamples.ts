import {
  archiveHandler,
  archiveProjections,
  archiveProjectionTables,
  expiringTasksTable,
} from '@sluice/example-archive';
import {
  orderProjections,
  orderProjectionTables,
  ordersHandler,
  ordersTable,
} from '@sluice/example-orders';
import {
  todoHandler,
  todoListTaskTable,
  todoProjections,
  todoProjectionTables,
} from '@sluice/example-todo';
import type { DeadLetterSink, Projection, ProjectionStore } from '@sluice/projections';
import type { TableSpec } from '@sluice/projections/dynamodb';
import type { ProjectionHandler } from '@sluice/projections/lambda';
import type { SourceName } from '../workload/operation.js';

/** One example as the demo deploys it: its handler, the stream it reads, the tables it writes. */
export interface DemoExample {
  readonly name: 'orders' | 'todo' | 'archive';
  readonly source: SourceName;
  readonly handler: (deps: {
    store: ProjectionStore;
    deadLetters: DeadLetterSink;
  }) => ProjectionHandler;
  /** The projections themselves, for runners other than Lambda (the stream poller). */
  readonly projections: readonly Projection[];
  readonly tables: readonly TableSpec[];
}

/** The three examples; todo and archive read the same `todoListTask` stream, as two mappings. */
export const demoExamples: readonly DemoExample[] = [
  {
    name: 'orders',
    source: 'orders',
    handler: ordersHandler,
    projections: orderProjections,
    tables: orderProjectionTables,
  },
  {
    name: 'todo',
    source: 'todoListTask',
    handler: todoHandler,
    projections: todoProjections,
    tables: todoProjectionTables,
  },
  {
    name: 'archive',
    source: 'todoListTask',
    handler: archiveHandler,
    projections: archiveProjections,
    tables: archiveProjectionTables,
  },
];

/**
 * The demo's two source tables. `todoListTask` serves two examples, so its stream carries both
 * images (the count reads new ones, the archive old ones) and its TTL is the archive's.
 */
export const demoSources = {
  orders: ordersTable,
  todoListTask: {
    ...todoListTaskTable,
    streamViewType: 'NEW_AND_OLD_IMAGES',
    timeToLiveAttribute: expiringTasksTable.timeToLiveAttribute,
  },
} as const;
