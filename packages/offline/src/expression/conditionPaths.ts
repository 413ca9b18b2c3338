import type { Condition, Operand } from './ast.js';
import type { DocumentPath } from './documentPath.js';

const operandPaths = (operand: Operand): DocumentPath[] =>
  operand.kind === 'path'
    ? [operand.path]
    : operand.kind === 'size'
      ? operandPaths(operand.operand)
      : [];

/** Every document path a condition reads. */
export const conditionPaths = (condition: Condition): DocumentPath[] => {
  switch (condition.kind) {
    case 'compare':
      return [...operandPaths(condition.left), ...operandPaths(condition.right)];
    case 'between':
      return [condition.operand, condition.low, condition.high].flatMap(operandPaths);
    case 'in':
      return [condition.operand, ...condition.list].flatMap(operandPaths);
    case 'function':
      return condition.args.flatMap(operandPaths);
    case 'not':
      return conditionPaths(condition.condition);
    case 'and':
    case 'or':
      return [...conditionPaths(condition.left), ...conditionPaths(condition.right)];
  }
};
