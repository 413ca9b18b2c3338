import type { DeadLetterSink, ProjectionStore } from '@sluice/projections';
import { lambdaHandler, type ProjectionHandler } from '@sluice/projections/lambda';
import { todoProjections } from './todoProjections.js';

/** Where the todo handler writes rows and sends poison records. */
export interface TodoHandlerDeps {
  readonly store: ProjectionStore;
  readonly deadLetters: DeadLetterSink;
}

/** The todo projection as a Lambda handler: DynamoDB store when deployed, in memory in tests. */
export const todoHandler = (deps: TodoHandlerDeps): ProjectionHandler =>
  lambdaHandler({ projections: todoProjections, ...deps });
