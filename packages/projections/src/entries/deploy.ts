/**
 * What a projection stack deploys, as plain data for SAM and CDK: tables, environment variables,
 * the event source mapping, IAM actions and the metrics namespace. Needs no AWS SDK client.
 *
 * @module @sluice/projections/deploy
 */
export { deployedTableNames } from '../deploy/deployedTableNames.js';
export { METRICS_NAMESPACE } from '../deploy/metricsNamespace.js';
export {
  type MappingSettings,
  type Permission,
  type ProjectionStackInput,
  type ProjectionStackSpec,
  projectionStackSpec,
  type WrittenTable,
} from '../deploy/projectionStackSpec.js';
export type { StreamSourceSpec } from '../deploy/streamSource.js';
export {
  DEAD_LETTER_ACTIONS,
  QUEUE_SEND_ACTIONS,
  STORE_ACTIONS,
  STREAM_READ_ACTIONS,
} from '../deploy/tableAccess.js';
export { tableVariable } from '../deploy/tableVariable.js';
