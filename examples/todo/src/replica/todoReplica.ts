import { replicate } from '@sluice/projections';
import { type TableSpec, tableSpec, tombstoneTableSpec } from '@sluice/projections/dynamodb';
import { TodoTaskCodec, TodoTaskKeyCodec } from '../todoTask.js';

/** The replica of `todoListTask`: keyed like it, by list and task id. */
export const todoReplicaTable = tableSpec('todoListTaskReplica', 'ListId', 'TaskId');

/** Versioned tombstones of removed tasks, so a stale replay never brings one back (TTL'd). */
export const todoReplicaTombstonesTable = tombstoneTableSpec('todoListTaskReplicaTombstones');

/**
 * A copy of every task. Deployed to another region or account, the replica's tables live there:
 * give the handler's `dynamoDbProjectionStore` a DocumentClient for that region and credentials.
 * The source stream carries new images only, which is all a replica needs (a REMOVE has the keys).
 */
export const todoReplicaProjection = replicate({
  name: 'todoReplica',
  table: todoReplicaTable.tableName,
  tombstones: todoReplicaTombstonesTable.tableName,
  item: TodoTaskCodec,
  keys: TodoTaskKeyCodec,
  viewType: 'NEW_IMAGE',
});

/** Every table the replica writes. */
export const todoReplicaTables: readonly TableSpec[] = [
  todoReplicaTable,
  todoReplicaTombstonesTable,
];
