// The DynamoDB expression language of the in-process DynamoDB: parse once with
// `compileExpressions`, then evaluate on AttributeValues.
export { applyUpdate } from './applyUpdate.js';
export type {
  Comparator,
  Condition,
  ConditionFunctionName,
  Operand,
  Projection,
  SetValue,
  Update,
  UpdateAction,
} from './ast.js';
export {
  type CompiledExpressions,
  compileExpressions,
  type RequestExpressions,
} from './compileExpressions.js';
export { type DocumentPath, formatPath } from './documentPath.js';
export { evaluateCondition } from './evaluateCondition.js';
export type { KeyCondition, SortKeyOperator } from './keyCondition.js';
export { pick, project } from './project.js';
export { isReservedWord } from './reservedWords.js';
