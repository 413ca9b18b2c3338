import type { DeadLetterSink, ProjectionStore } from '@sluice/projections';
import { lambdaHandler, type ProjectionHandler } from '@sluice/projections/lambda';
import { archiveProjections } from './archiveProjections.js';

/** Where the archive handler writes rows and sends poison records. */
export interface ArchiveHandlerDeps {
  readonly store: ProjectionStore;
  readonly deadLetters: DeadLetterSink;
}

/** The archive projection as a Lambda handler: DynamoDB store when deployed, in memory in tests. */
export const archiveHandler = (deps: ArchiveHandlerDeps): ProjectionHandler =>
  lambdaHandler({ projections: archiveProjections, ...deps });
