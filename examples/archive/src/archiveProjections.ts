import { ttlRemovals } from '@sluice/core';
import { archive, type Projection } from '@sluice/projections';
import { todoListTaskArchivedTable } from './archiveTables.js';
import { ExpiringTaskCodec, TaskKeyCodec } from './expiringTask.js';

/**
 * Tasks deleted by DynamoDB's TTL process, kept in `todoListTaskArchived`; deletes by users are
 * not archived. The filter is Lambda's: the event source mapping drops every other record before
 * the function runs, and the same pattern decides in tests.
 */
export const taskArchiveProjection = archive({
  name: 'todoListTaskArchived',
  table: todoListTaskArchivedTable.tableName,
  item: ExpiringTaskCodec,
  keys: TaskKeyCodec,
  viewType: 'OLD_IMAGE',
  removals: 'ttl',
  filter: ttlRemovals,
});

/** The projections of the `todoListTask` stream in this example. */
export const archiveProjections: readonly Projection[] = [taskArchiveProjection];
