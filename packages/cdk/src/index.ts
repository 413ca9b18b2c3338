export { type AcknowledgedRule, acknowledgedRules } from './acknowledgedRules.js';
export { type MappingTargets, mappingProperties } from './mappingProperties.js';
export { type PermissionTargets, roleStatements } from './roleStatements.js';
export { SluiceProjections, type SluiceProjectionsProps } from './sluiceProjections.js';
export { type StreamAlarms, streamAlarms } from './streamAlarms.js';
export { streamSourceTable } from './streamSourceTable.js';
export { type TableOptions, tableOf } from './tableOf.js';
