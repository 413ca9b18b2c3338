import { aggregate, type Projection } from '@sluice/projections';
import { todoTaskCountMarkersTable, todoTaskCountTable } from './todoTables.js';
import { TodoTaskCodec, TodoTaskKeyCodec } from './todoTask.js';

/**
 * Tasks per list. An insert counts 1 in its list, a removal takes it back; moving a task to
 * another list is a REMOVE under the old key and an INSERT under the new one (`ListId` is the
 * partition key), so both lists are right whichever shard delivers first.
 */
export const todoTaskCountProjection = aggregate({
  name: 'todoTaskCount',
  table: todoTaskCountTable.tableName,
  markerTable: todoTaskCountMarkersTable.tableName,
  item: TodoTaskCodec,
  keys: TodoTaskKeyCodec,
  viewType: 'NEW_IMAGE',
  group: (task) => ({ ListId: task.ListId }),
});

/** The projections of the `todoListTask` stream. */
export const todoProjections: readonly Projection[] = [todoTaskCountProjection];
