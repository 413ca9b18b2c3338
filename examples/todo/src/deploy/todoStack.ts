import { fileURLToPath } from 'node:url';
import { SluiceProjections, streamSourceTable } from '@sluice/cdk';
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { todoProjections } from '../todoProjections.js';
import { todoListTaskTable, todoProjectionTables } from '../todoTables.js';

/** The todo example on the CDK: tasks per list from the todoListTask stream. */
export class TodoStack extends Stack {
  readonly projections: SluiceProjections;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, {
      description: 'Sluice todo example: tasks per list from the todoListTask stream.',
      ...props,
    });
    this.projections = new SluiceProjections(this, 'Projections', {
      source: streamSourceTable(this, 'TodoListTaskTable', todoListTaskTable),
      projections: todoProjections,
      tables: todoProjectionTables,
      entry: fileURLToPath(new URL('../deployedHandler.ts', import.meta.url)),
    });
  }
}
