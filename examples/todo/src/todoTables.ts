import type { SourceTable } from '@sluice/example-deploy';
import { markerTableSpec, type TableSpec, tableSpec } from '@sluice/projections/dynamodb';

/**
 * The source: tasks keyed by list and task id. Counting needs only the new image: a removal is
 * undone from the task's marker, which remembers what it counted.
 */
export const todoListTaskTable: SourceTable = {
  ...tableSpec('todoListTask', 'ListId', 'TaskId'),
  streamViewType: 'NEW_IMAGE',
};

/** One row per list: how many tasks it holds. */
export const todoTaskCountTable = tableSpec('todoTaskCount', 'ListId');

/** What each task currently counts in (the aggregate's idempotency). */
export const todoTaskCountMarkersTable = markerTableSpec('todoTaskCountMarkers');

/** Every table the todo projection writes. */
export const todoProjectionTables: readonly TableSpec[] = [
  todoTaskCountTable,
  todoTaskCountMarkersTable,
];
