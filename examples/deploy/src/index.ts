export { getAtt, logicalIdOf, ref, type Template, tableResource } from './cloudFormation.js';
export { deadLettersTable, deployedDeadLetters } from './deadLettersTable.js';
export { type DeployedShape, deployedShape } from './deployedShape.js';
export { logDeadLetters } from './logDeadLetters.js';
export { type ExampleDeployment, eventSourceMappingOf, samTemplate } from './samTemplate.js';
export type { SourceTable } from './sourceTable.js';
export { deployedTableNames, tableVariable } from './tableEnvironment.js';
export { templateReferences } from './templateReferences.js';
export { templateText, writeTemplate } from './templateText.js';
