import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { memberOf, typeOf } from '../item/attributeMap.js';
import { compareKeyValues } from '../table/keyOrder.js';
import type { Condition, Operand } from './ast.js';
import { formatPath, samePath } from './documentPath.js';
import {
  type ExpressionKind,
  incorrectOperandCount,
  incorrectOperandType,
  invalidExpression,
} from './expressionErrors.js';

// The checks DynamoDB makes on a condition before reading any item: operand counts, document
// paths where required, and the types of operands known up front (values and size()).

/** The type tags `attribute_type` accepts, in the order DynamoDB lists them. */
export const ATTRIBUTE_TYPES = ['N', 'BS', 'L', 'B', 'NULL', 'M', 'S', 'SS', 'NS', 'BOOL'];
const ORDERED = ['N', 'S', 'B'];
const SIZED = ['S', 'B', 'SS', 'NS', 'BS', 'L', 'M'];
const MAX_IN_OPERANDS = 100;

/** The type of an operand known before evaluation (values and size()), else undefined. */
export const staticType = (operand: Operand): string | undefined =>
  operand.kind === 'value' ? typeOf(operand.value) : operand.kind === 'size' ? 'N' : undefined;

const requireType = (
  kind: ExpressionKind,
  operator: string,
  operand: Operand,
  allowed: readonly string[],
): void => {
  const type = staticType(operand);
  if (type !== undefined && !allowed.includes(type)) {
    throw incorrectOperandType(kind, operator, type);
  }
};

const requireDistinct = (
  kind: ExpressionKind,
  operator: string,
  first: Operand,
  rest: readonly Operand[],
): void => {
  if (first.kind !== 'path') return;
  if (rest.some((o) => o.kind === 'path' && samePath(o.path, first.path))) {
    throw invalidExpression(
      kind,
      `The first operand must be distinct from the remaining operands for this operator or function; operator: ${operator}, first operand: ${formatPath(first.path)}`,
    );
  }
};

const requirePath = (kind: ExpressionKind, fn: string, operand: Operand): void => {
  if (operand.kind !== 'path') {
    throw invalidExpression(
      kind,
      `Operator or function requires a document path; operator or function: ${fn}`,
    );
  }
};

/** `{S:a}`: how DynamoDB prints a value in BETWEEN messages (a binary as the Java buffer it holds). */
const printValue = (value: AttributeValue): string => {
  const type = typeOf(value) ?? '';
  const member = memberOf(value, type);
  const text =
    member instanceof Uint8Array
      ? `java.nio.HeapByteBuffer[pos=0 lim=${member.byteLength} cap=${member.byteLength}]`
      : member;
  return `{${type}:${String(text)}}`;
};

/** The value a placeholder had as the request spelled it. */
export type RawValue = (placeholder: string) => AttributeValue | undefined;

const checkBounds = (kind: ExpressionKind, low: Operand, high: Operand, raw: RawValue): void => {
  if (low.kind !== 'value' || high.kind !== 'value') return;
  const lowType = typeOf(low.value) as 'N' | 'S' | 'B';
  const bounds = `lower bound operand: AttributeValue: ${printValue(raw(low.placeholder) ?? low.value)}, upper bound operand: AttributeValue: ${printValue(raw(high.placeholder) ?? high.value)}`;
  if (lowType !== typeOf(high.value)) {
    throw invalidExpression(
      kind,
      `The BETWEEN operator requires same data type for lower and upper bounds; ${bounds}`,
    );
  }
  if (compareKeyValues(lowType, low.value, high.value) > 0) {
    throw invalidExpression(
      kind,
      `The BETWEEN operator requires upper bound to be greater than or equal to lower bound; ${bounds}`,
    );
  }
};

type Of<K extends Condition['kind']> = Extract<Condition, { kind: K }>;

const ARITY: Record<string, number> = {
  attribute_exists: 1,
  attribute_not_exists: 1,
  attribute_type: 2,
  begins_with: 2,
  contains: 2,
};

/** Static checks per construct; each returns its (valid) node or throws DynamoDB's error. */
export const checkCondition = {
  size(kind: ExpressionKind, args: readonly Operand[]): Operand {
    if (args.length !== 1) throw incorrectOperandCount(kind, 'size', args.length);
    const operand = args[0] as Operand;
    requireType(kind, 'size', operand, SIZED);
    return { kind: 'size', operand };
  },
  compare(kind: ExpressionKind, node: Of<'compare'>): Condition {
    requireDistinct(kind, node.op, node.left, [node.right]);
    if (node.op !== '=' && node.op !== '<>') {
      requireType(kind, node.op, node.left, ORDERED);
      requireType(kind, node.op, node.right, ORDERED);
    }
    return node;
  },
  between(kind: ExpressionKind, node: Of<'between'>, raw: RawValue): Condition {
    requireDistinct(kind, 'BETWEEN', node.operand, [node.low, node.high]);
    for (const o of [node.operand, node.low, node.high]) requireType(kind, 'BETWEEN', o, ORDERED);
    checkBounds(kind, node.low, node.high, raw);
    return node;
  },
  in(kind: ExpressionKind, node: Of<'in'>): Condition {
    if (node.list.length > MAX_IN_OPERANDS) {
      throw invalidExpression(
        kind,
        `The IN operator is provided with too many operands; number of operands: ${node.list.length}`,
      );
    }
    requireDistinct(kind, 'IN', node.operand, node.list);
    return node;
  },
  function(kind: ExpressionKind, node: Of<'function'>): Condition {
    const { name, args } = node;
    if (args.length !== ARITY[name]) throw incorrectOperandCount(kind, name, args.length);
    const [first, second] = args as [Operand, Operand | undefined];
    if (name === 'attribute_exists' || name === 'attribute_not_exists') {
      requirePath(kind, name, first);
      return node;
    }
    if (name === 'attribute_type') requirePath(kind, name, first);
    requireDistinct(kind, name, first, [second as Operand]);
    if (name === 'begins_with') {
      requireType(kind, name, first, ['S', 'B']);
      requireType(kind, name, second as Operand, ['S', 'B']);
    }
    if (name === 'attribute_type') {
      requireType(kind, name, second as Operand, ['S']);
      if (second?.kind === 'value' && !ATTRIBUTE_TYPES.includes(second.value.S as string)) {
        throw invalidExpression(
          kind,
          `Invalid attribute type name found; type: ${second.value.S}, valid types: {${ATTRIBUTE_TYPES.join(',')}}`,
        );
      }
    }
    return node;
  },
};
