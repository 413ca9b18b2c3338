import type { StreamViewType } from '@sluice/core';
import { type TableSpec, tableSpec } from '@sluice/projections';

/** A table whose stream feeds the projections. */
export interface SourceTable extends TableSpec {
  readonly streamViewType: StreamViewType;
  /** The TTL attribute (epoch seconds); DynamoDB deletes items once it has passed. */
  readonly timeToLiveAttribute?: string;
}

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
