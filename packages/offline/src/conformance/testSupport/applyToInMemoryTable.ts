import type { InMemoryTable } from '../../table/inMemoryTable.js';
import type { WriteCondition } from '../../table/writeCondition.js';
import type { TransactWriteAction } from '../../table/writeRequests.js';
import type { ConformanceCondition, ConformanceWrite, WriteOutcome } from './conformanceWrite.js';

const conditionOf = (
  condition: ConformanceCondition | undefined,
): { condition?: WriteCondition } => (condition === undefined ? {} : { condition });

const actionOf = (
  write: Exclude<ConformanceWrite, { kind: 'batch' | 'transact' }>,
): TransactWriteAction => {
  switch (write.kind) {
    case 'put':
      return { type: 'put', item: write.item, ...conditionOf(write.condition) };
    case 'update':
      return {
        type: 'update',
        key: write.key,
        update: write.update,
        ...conditionOf(write.condition),
      };
    case 'delete':
      return { type: 'delete', key: write.key, ...conditionOf(write.condition) };
  }
};

const apply = (table: InMemoryTable, write: ConformanceWrite): void => {
  switch (write.kind) {
    case 'put':
      table.putItem(write.item, conditionOf(write.condition));
      return;
    case 'update':
      table.updateItem(write.key, write.update, conditionOf(write.condition));
      return;
    case 'delete':
      table.deleteItem(write.key, conditionOf(write.condition));
      return;
    case 'batch':
      table.batchWriteItems(
        write.requests.map((r) =>
          'put' in r ? { type: 'put', item: r.put } : { type: 'delete', key: r.delete },
        ),
      );
      return;
    case 'transact':
      table.transactWriteItems(write.actions.map(actionOf));
      return;
  }
};

/** Runs a script on an in-memory table; each write's outcome, in order. */
export const applyToInMemoryTable = (
  table: InMemoryTable,
  writes: readonly ConformanceWrite[],
): WriteOutcome[] =>
  writes.map((write) => {
    try {
      apply(table, write);
      return 'ok';
    } catch (error) {
      return { error: (error as Error).name };
    }
  });
