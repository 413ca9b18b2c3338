// What a projection stack deploys, as plain data: no aws-cdk-lib import, safe to bundle into the
// function (it reads its tables' names with `deployedTableNames`).
export { deployedTableNames } from './deployedTableNames.js';
export { METRICS_NAMESPACE } from './metricsNamespace.js';
export {
  type MappingSettings,
  type Permission,
  type ProjectionStackInput,
  type ProjectionStackSpec,
  projectionStackSpec,
  type WrittenTable,
} from './projectionStackSpec.js';
export type { StreamSourceSpec } from './streamSource.js';
export {
  DEAD_LETTER_ACTIONS,
  QUEUE_SEND_ACTIONS,
  STORE_ACTIONS,
  STREAM_READ_ACTIONS,
} from './tableAccess.js';
export { tableVariable } from './tableVariable.js';
