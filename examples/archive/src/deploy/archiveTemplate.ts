import { eventSourceMappingOf, samTemplate, type Template } from '@sluice/example-deploy';
import { archiveProjections } from '../archiveProjections.js';
import {
  archiveProjectionTables,
  expiringTasksTable,
  todoListTaskArchivedTable,
} from '../archiveTables.js';

/** The event source mapping the handler expects: Sluice's settings, the projections' `FilterCriteria`. */
export const archiveEventSourceMapping = () => eventSourceMappingOf(archiveProjections);

/** The SAM template of the archive example: the `todoListTask` table with TTL on `expires`, the archive table (TTL removals only), the function and its mapping. */
export const archiveTemplate = (): Template =>
  samTemplate({
    example: 'archive',
    summary: 'tasks deleted by TTL kept in todoListTaskArchived.',
    source: expiringTasksTable,
    projections: archiveProjections,
    tables: archiveProjectionTables,
    mainTable: todoListTaskArchivedTable,
  });
