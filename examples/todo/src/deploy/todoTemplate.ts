import { eventSourceMappingOf, samTemplate, type Template } from '@sluice/example-deploy';
import { todoProjections } from '../todoProjections.js';
import { todoListTaskTable, todoProjectionTables, todoTaskCountTable } from '../todoTables.js';

/** The event source mapping the handler expects: Sluice's settings, the projections' `FilterCriteria`. */
export const todoEventSourceMapping = () => eventSourceMappingOf(todoProjections);

/** The SAM template of the todo example: the `todoListTask` table and its stream, the count and marker tables, the function and its mapping. */
export const todoTemplate = (): Template =>
  samTemplate({
    example: 'todo',
    summary: 'tasks per list from the todoListTask stream.',
    source: todoListTaskTable,
    projections: todoProjections,
    tables: todoProjectionTables,
    mainTable: todoTaskCountTable,
  });
