import { fileURLToPath } from 'node:url';
import { SluiceProjections, streamSourceTable } from '@sluice/cdk';
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { orderProjections } from '../orderProjections.js';
import { orderProjectionTables, ordersTable } from '../orderTables.js';

/** The orders example on the CDK: order history and per-order totals from the orders stream. */
export class OrdersStack extends Stack {
  readonly projections: SluiceProjections;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, {
      description:
        'Sluice orders example: order history and per-order totals from the orders stream.',
      ...props,
    });
    this.projections = new SluiceProjections(this, 'Projections', {
      source: streamSourceTable(this, 'OrdersTable', ordersTable),
      projections: orderProjections,
      tables: orderProjectionTables,
      entry: fileURLToPath(new URL('../deployedHandler.ts', import.meta.url)),
    });
  }
}
