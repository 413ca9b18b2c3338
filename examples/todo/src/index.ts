export type { SourceTable } from '@sluice/example-deploy';
export {
  todoReplicaProjection,
  todoReplicaTable,
  todoReplicaTables,
  todoReplicaTombstonesTable,
} from './replica/todoReplica.js';
export { type TodoHandlerDeps, todoHandler } from './todoHandler.js';
export { todoProjections, todoTaskCountProjection } from './todoProjections.js';
export {
  todoListTaskTable,
  todoProjectionTables,
  todoTaskCountMarkersTable,
  todoTaskCountTable,
} from './todoTables.js';
export { type TodoTask, TodoTaskCodec, type TodoTaskKey, TodoTaskKeyCodec } from './todoTask.js';
