/**
 * Projection specs (`given(…).when(…).then(…)`) over `@sluice/offline`, which it re-exports whole:
 * the in-process DynamoDB, in-memory table and stream, delivery driver and DynamoDB Local launcher.
 *
 * @packageDocumentation
 * @module @sluice/testing
 */
export { type Clock, ManualClock, systemClock } from '@sluice/core';
export * from '@sluice/offline';
export { createSourceTable, type SourceTableInput } from './spec/createSourceTable.js';
export type { ExpectedDeadLetter } from './spec/deadLettersDiff.js';
export {
  type Deliveries,
  type DeliveryPlan,
  faultyDeliveries,
} from './spec/deliveryPlan.js';
export { given, type ProjectionSpec } from './spec/given.js';
export type { ProjectionRun } from './spec/projectionRun.js';
export type { ProjectionOutcome, WhenOptions } from './spec/runProjections.js';
export type { GivenWrites, SourceTableOptions } from './spec/sourceTable.js';
export type { CompareOptions, ExpectedTables } from './spec/tablesDiff.js';
export type { TableWrite } from './spec/tableWrite.js';
export type { AsymmetricMatcher } from './spec/valueMatches.js';
