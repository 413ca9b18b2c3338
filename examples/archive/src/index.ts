export { type ArchiveHandlerDeps, archiveHandler } from './archiveHandler.js';
export { archiveProjections, taskArchiveProjection } from './archiveProjections.js';
export {
  archiveProjectionTables,
  expiringTasksTable,
  type SourceTable,
  todoListTaskArchivedTable,
} from './archiveTables.js';
export {
  type ExpiringTask,
  ExpiringTaskCodec,
  type TaskKey,
  TaskKeyCodec,
} from './expiringTask.js';
