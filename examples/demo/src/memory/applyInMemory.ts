import type { InMemoryTable, ManualClock } from '@sluice/testing';
import type { Operation, SourceName } from '../workload/operation.js';

/** Applies one workload operation to the in-memory source tables and their clock. */
export const applyInMemory = (
  tables: Readonly<Record<SourceName, InMemoryTable>>,
  clock: ManualClock,
  operation: Operation,
): void => {
  switch (operation.kind) {
    case 'put':
      tables[operation.table].put(operation.item);
      return;
    case 'delete':
      tables[operation.table].delete(operation.key);
      return;
    case 'move':
      tables[operation.table].transactWrite([
        { type: 'delete', key: operation.from },
        { type: 'put', item: operation.item },
      ]);
      return;
    case 'tick':
      clock.advance(operation.ms);
      return;
    case 'sweepTtl':
      for (const table of Object.values(tables)) table.sweepTtl();
      return;
    case 'rollover':
      for (const table of Object.values(tables)) table.stream.rollover();
      return;
  }
};
