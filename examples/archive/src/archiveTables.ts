import type { SourceTable } from '@sluice/example-deploy';
import { type TableSpec, tableSpec } from '@sluice/projections/dynamodb';

/** The source: tasks with a TTL. The archive keeps what was deleted, so the old image suffices. */
export const expiringTasksTable: SourceTable = {
  ...tableSpec('todoListTask', 'ListId', 'TaskId'),
  streamViewType: 'OLD_IMAGE',
  timeToLiveAttribute: 'expires',
};

/** Expired tasks, keyed like the source: the last removal of each key wins. */
export const todoListTaskArchivedTable = tableSpec('todoListTaskArchived', 'ListId', 'TaskId');

/** Every table the archive projection writes. */
export const archiveProjectionTables: readonly TableSpec[] = [todoListTaskArchivedTable];
