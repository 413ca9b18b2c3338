import type { SetValue, Update, UpdateAction, ValueOperand } from './ast.js';
import { staticType } from './checkCondition.js';
import { formatPath, samePath } from './documentPath.js';
import {
  incorrectOperandCount,
  incorrectOperandType,
  invalidExpression,
} from './expressionErrors.js';
import type { Parser } from './parser.js';

const CLAUSES = ['SET', 'REMOVE', 'ADD', 'DELETE'] as const;
type Clause = (typeof CLAUSES)[number];
const CONDITION_FUNCTIONS = [
  'attribute_exists',
  'attribute_not_exists',
  'attribute_type',
  'begins_with',
  'contains',
  'size',
];
const TYPE_NAMES: Record<string, string> = {
  S: 'STRING',
  N: 'NUMBER',
  B: 'BINARY',
  BOOL: 'BOOLEAN',
  NULL: 'NULL',
  L: 'LIST',
  M: 'MAP',
  SS: 'STRING_SET',
  NS: 'NUMBER_SET',
  BS: 'BINARY_SET',
};

const notThisWay = (p: Parser, fn: string) =>
  invalidExpression(
    p.kind,
    `The function is not allowed to be used this way in an expression; function: ${fn}`,
  );

/** `if_not_exists(path, value)` or `list_append(a, b)`, after its name. */
const functionCall = (p: Parser, name: string, nested: boolean): SetValue => {
  if (CONDITION_FUNCTIONS.includes(name)) {
    throw invalidExpression(
      p.kind,
      `The function is not allowed in an update expression; function: ${name}`,
    );
  }
  if (name !== 'if_not_exists' && name !== 'list_append') {
    throw invalidExpression(p.kind, `Invalid function name; function: ${name}`);
  }
  if (name === 'list_append' && nested) throw notThisWay(p, name);
  p.expectSymbol('(');
  const args = [term(p, true)];
  while (p.atSymbol(',')) {
    p.next();
    args.push(term(p, true));
  }
  p.expectSymbol(')');
  if (args.length !== 2) {
    p.deferLate(incorrectOperandCount(p.kind, name, args.length));
    return args[0] as SetValue;
  }
  const [first, second] = args as [SetValue, SetValue];
  if (name === 'list_append') {
    for (const arg of args) {
      const type = arg.kind === 'value' ? staticType(arg) : undefined;
      if (type !== undefined && type !== 'L') p.deferLate(incorrectOperandType(p.kind, name, type));
    }
    return { kind: 'list_append', first, second };
  }
  if (first.kind !== 'path') {
    p.deferLate(
      invalidExpression(
        p.kind,
        'Operator or function requires a document path; operator or function: if_not_exists',
      ),
    );
  }
  const path = first.kind === 'path' ? first.path : [];
  if (second.kind === 'path' && samePath(second.path, path)) {
    p.deferLate(
      invalidExpression(
        p.kind,
        `The first operand must be distinct from the remaining operands for this operator or function; operator: if_not_exists, first operand: ${formatPath(path)}`,
      ),
    );
  }
  return { kind: 'if_not_exists', path, fallback: second };
};

/** A path, a value, a function call, or one of these in parentheses. */
const term = (p: Parser, nested: boolean): SetValue => {
  if (p.atSymbol('(')) {
    p.checkRedundantParentheses();
    p.next();
    const inner = term(p, nested);
    p.expectSymbol(')');
    return inner;
  }
  const token = p.peek();
  if (token.kind === 'identifier' && p.peek(1).kind === 'symbol' && p.peek(1).text === '(') {
    p.next();
    return functionCall(p, token.text, nested);
  }
  if (token.kind === 'value') return { kind: 'value', ...p.value() };
  return { kind: 'path', path: p.path() };
};

const numberOperand = (p: Parser, op: string, operand: SetValue): void => {
  const type = operand.kind === 'value' ? staticType(operand) : undefined;
  if (type !== undefined && type !== 'N') p.deferLate(incorrectOperandType(p.kind, op, type));
};

/** The right-hand side of `SET path = …`: a term, `a + b`, `a - b`, or a parenthesized value. */
const setValue = (p: Parser): SetValue => {
  if (p.atSymbol('(')) {
    p.checkRedundantParentheses();
    p.next();
    const inner = setValue(p);
    p.expectSymbol(')');
    return inner;
  }
  const left = term(p, false);
  if (!p.atSymbol('+') && !p.atSymbol('-')) return left;
  if (left.kind === 'list_append') throw notThisWay(p, 'list_append');
  const op = p.next().text as '+' | '-';
  const right = term(p, true);
  numberOperand(p, op, left);
  numberOperand(p, op, right);
  return { kind: 'arithmetic', op, left, right };
};

const setOperand = (p: Parser, clause: 'ADD' | 'DELETE'): ValueOperand => {
  if (p.peek().kind !== 'value') p.fail();
  const operand: ValueOperand = { kind: 'value', ...p.value() };
  const type = staticType(operand) ?? '';
  const allowed = clause === 'ADD' ? ['N', 'SS', 'NS', 'BS'] : ['SS', 'NS', 'BS'];
  if (!allowed.includes(type)) {
    p.deferLate(
      invalidExpression(
        p.kind,
        `Incorrect operand type for operator or function; operator: ${clause}, operand type: ${TYPE_NAMES[type] ?? type}, typeSet: ALLOWED_FOR_${clause}_OPERAND`,
      ),
    );
  }
  return operand;
};

const action = (p: Parser, clause: Clause): UpdateAction => {
  const path = p.path();
  switch (clause) {
    case 'SET':
      p.expectSymbol('=');
      return { kind: 'SET', path, value: setValue(p) };
    case 'REMOVE':
      return { kind: 'REMOVE', path };
    default:
      return { kind: clause, path, value: setOperand(p, clause) };
  }
};

/** One action; of the type problems in several actions DynamoDB reports the last action's. */
const lateAction = (p: Parser, clause: Clause): UpdateAction => {
  const earlier = p.late;
  p.late = undefined;
  const parsed = action(p, clause);
  p.late ??= earlier;
  return parsed;
};

const clauseAt = (p: Parser): Clause | undefined => CLAUSES.find((c) => p.atKeyword(c));

/** Parses a whole UpdateExpression: clauses in any order, each at most once. */
export const parseUpdate = (p: Parser): Update => {
  if (p.peek().kind === 'end') throw invalidExpression(p.kind, 'The expression can not be empty;');
  const seen = new Set<Clause>();
  const actions: UpdateAction[] = [];
  while (p.peek().kind !== 'end') {
    const clause = clauseAt(p);
    if (clause === undefined) p.fail();
    p.next();
    if (seen.has(clause)) {
      throw invalidExpression(
        p.kind,
        `The "${clause}" section can only be used once in an update expression;`,
      );
    }
    seen.add(clause);
    actions.push(lateAction(p, clause));
    while (p.atSymbol(',')) {
      p.next();
      actions.push(lateAction(p, clause));
    }
  }
  p.finish();
  return { actions };
};
