export type { SourceTable } from '@sluice/example-deploy';
export { type ArchiveHandlerDeps, archiveHandler } from './archiveHandler.js';
export { archiveProjections, taskArchiveProjection } from './archiveProjections.js';
export {
  archiveProjectionTables,
  expiringTasksTable,
  todoListTaskArchivedTable,
} from './archiveTables.js';
export {
  type ExpiringTask,
  ExpiringTaskCodec,
  type TaskKey,
  TaskKeyCodec,
} from './expiringTask.js';
