import type { DeadLetterSink, ProjectionStore } from '@sluice/projections';
import { lambdaHandler, type ProjectionHandler } from '@sluice/projections/lambda';
import { orderProjections } from './orderProjections.js';

/** Where the orders handler writes rows and sends poison records. */
export interface OrdersHandlerDeps {
  readonly store: ProjectionStore;
  readonly deadLetters: DeadLetterSink;
}

/** The orders projections as a Lambda handler: DynamoDB store when deployed, in memory in tests. */
export const ordersHandler = (deps: OrdersHandlerDeps): ProjectionHandler =>
  lambdaHandler({ projections: orderProjections, ...deps });
