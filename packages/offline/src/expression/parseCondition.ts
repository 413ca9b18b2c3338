import type { Comparator, Condition, ConditionFunctionName, Operand } from './ast.js';
import { checkCondition } from './checkCondition.js';
import { invalidExpression } from './expressionErrors.js';
import { type Parser, SyntaxFailure } from './parser.js';

const COMPARATORS: readonly string[] = ['=', '<>', '<', '<=', '>', '>='];
const BOOLEAN_FUNCTIONS: readonly string[] = [
  'attribute_exists',
  'attribute_not_exists',
  'attribute_type',
  'begins_with',
  'contains',
];

const atFunctionCall = (p: Parser): boolean =>
  p.peek().kind === 'identifier' && p.peek(1).kind === 'symbol' && p.peek(1).text === '(';

/** `(operand, operand, …)` after a function name. */
const argumentList = (p: Parser): Operand[] => {
  p.expectSymbol('(');
  const args = [operand(p)];
  while (p.atSymbol(',')) {
    p.next();
    args.push(operand(p));
  }
  p.expectSymbol(')');
  return args;
};

/** An operand: a path, a `:value`, `size(…)`, or one of these in parentheses. */
const operand = (p: Parser): Operand => {
  if (p.atSymbol('(')) {
    p.checkRedundantParentheses();
    p.next();
    const inner = operand(p);
    p.expectSymbol(')');
    return inner;
  }
  if (atFunctionCall(p)) {
    const name = p.next().text;
    if (BOOLEAN_FUNCTIONS.includes(name)) {
      throw invalidExpression(
        p.kind,
        `The function is not allowed to be used this way in an expression; function: ${name}`,
      );
    }
    if (name !== 'size')
      throw invalidExpression(p.kind, `Invalid function name; function: ${name}`);
    const args = argumentList(p);
    const node: Operand = { kind: 'size', operand: args[0] as Operand };
    return p.checkLate(node, () => checkCondition.size(p.kind, args));
  }
  if (p.peek().kind === 'value') return { kind: 'value', ...p.value() };
  return { kind: 'path', path: p.path() };
};

/** What follows a left operand: a comparison, BETWEEN or IN. */
const comparison = (p: Parser): Condition => {
  const left = operand(p);
  const token = p.peek();
  if (token.kind === 'symbol' && COMPARATORS.includes(token.text)) {
    p.next();
    const condition = { kind: 'compare', op: token.text as Comparator, left, right: operand(p) };
    const node = condition as Condition & { kind: 'compare' };
    return p.checkLate(node, () => checkCondition.compare(p.kind, node));
  }
  if (p.atKeyword('BETWEEN')) {
    p.next();
    const low = operand(p);
    p.expectKeyword('AND');
    const node = { kind: 'between', operand: left, low, high: operand(p) } as const;
    const raw = (ph: string) => p.placeholders.rawValues?.[ph];
    return p.checkLate(node, () => checkCondition.between(p.kind, node, raw));
  }
  if (p.atKeyword('IN')) {
    p.next();
    const node = { kind: 'in', operand: left, list: argumentList(p) } as const;
    return p.checkLate(node, () => checkCondition.in(p.kind, node));
  }
  if (left.kind === 'size' && token.kind === 'end') {
    throw invalidExpression(
      p.kind,
      'The function is not allowed to be used this way in an expression; function: size',
    );
  }
  return p.fail();
};

/** Whether a comparison, BETWEEN or IN follows (so what came before was an operand). */
const continuesComparison = (p: Parser): boolean => {
  const token = p.peek();
  return (
    (token.kind === 'symbol' && COMPARATORS.includes(token.text)) ||
    p.atKeyword('BETWEEN') ||
    p.atKeyword('IN')
  );
};

/** `( condition )`, or `null` when the parentheses hold an operand instead (`(a) = :v`). */
const group = (p: Parser): Condition | null => {
  const start = p.position;
  const deferred = p.deferred;
  try {
    p.next();
    const inner = or(p);
    p.expectSymbol(')');
    if (!continuesComparison(p)) return inner;
  } catch (error) {
    if (!(error instanceof SyntaxFailure)) throw error;
  }
  p.position = start;
  p.deferred = deferred;
  return null;
};

const primary = (p: Parser): Condition => {
  if (p.atSymbol('(')) {
    p.checkRedundantParentheses();
    const grouped = group(p);
    if (grouped !== null) return grouped;
  }
  if (atFunctionCall(p) && BOOLEAN_FUNCTIONS.includes(p.peek().text)) {
    const name = p.next().text as ConditionFunctionName;
    const node = { kind: 'function', name, args: argumentList(p) } as const;
    if (continuesComparison(p)) {
      throw invalidExpression(
        p.kind,
        `The function is not allowed to be used this way in an expression; function: ${name}`,
      );
    }
    return p.checkLate(node, () => checkCondition.function(p.kind, node));
  }
  return comparison(p);
};

// Precedence, loosest first: OR, AND, NOT, then comparisons and functions (DynamoDB's order).
const not = (p: Parser): Condition => {
  if (p.atKeyword('NOT')) {
    p.next();
    return { kind: 'not', condition: not(p) };
  }
  return primary(p);
};

const and = (p: Parser): Condition => {
  let left = not(p);
  while (p.atKeyword('AND')) {
    p.next();
    left = { kind: 'and', left, right: not(p) };
  }
  return left;
};

const or = (p: Parser): Condition => {
  let left = and(p);
  while (p.atKeyword('OR')) {
    p.next();
    left = { kind: 'or', left, right: and(p) };
  }
  return left;
};

/** Parses a whole ConditionExpression / FilterExpression (or a KeyConditionExpression's text). */
export const parseCondition = (p: Parser): Condition => {
  if (p.peek().kind === 'end') {
    throw invalidExpression(p.kind, 'The expression can not be empty;');
  }
  const condition = or(p);
  p.finish();
  return condition;
};
