import { fileURLToPath } from 'node:url';
import { SluiceProjections, streamSourceTable } from '@sluice/cdk';
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { archiveProjections } from '../archiveProjections.js';
import { archiveProjectionTables, expiringTasksTable } from '../archiveTables.js';

/** The archive example on the CDK: tasks deleted by TTL kept in todoListTaskArchived. */
export class ArchiveStack extends Stack {
  readonly projections: SluiceProjections;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, {
      description: 'Sluice archive example: tasks deleted by TTL kept in todoListTaskArchived.',
      ...props,
    });
    this.projections = new SluiceProjections(this, 'Projections', {
      source: streamSourceTable(this, 'TodoListTaskTable', expiringTasksTable),
      projections: archiveProjections,
      tables: archiveProjectionTables,
      entry: fileURLToPath(new URL('../deployedHandler.ts', import.meta.url)),
    });
  }
}
