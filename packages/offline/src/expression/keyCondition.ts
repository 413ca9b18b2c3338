import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { typeOf } from '../item/attributeMap.js';
import type { KeySchema } from '../item/keySchema.js';
import { validationException } from '../table/dynamoDbErrors.js';
import type { Comparator, Condition, Operand } from './ast.js';

/** Operators a sort-key condition may use. */
export type SortKeyOperator = '=' | '<' | '<=' | '>' | '>=' | 'BETWEEN' | 'begins_with';

/** KeyConditionExpression: the partition value and an optional sort-key condition. */
export interface KeyCondition {
  readonly partitionKey: string;
  readonly partitionValue: AttributeValue;
  readonly sort?: {
    readonly name: string;
    readonly op: SortKeyOperator;
    readonly values: readonly AttributeValue[];
  };
}

interface KeyTerm {
  readonly name: string;
  readonly op: SortKeyOperator;
  readonly values: readonly AttributeValue[];
}

const FLIPPED: Record<string, Comparator> = {
  '=': '=',
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
};
const notSupported = () => validationException('Query key condition not supported');
const invalidOperator = (op: string) =>
  validationException(`Invalid operator used in KeyConditionExpression: ${op}`);

const conjuncts = (condition: Condition): Condition[] =>
  condition.kind === 'and'
    ? [...conjuncts(condition.left), ...conjuncts(condition.right)]
    : [condition];

const keyName = (operand: Operand): string => {
  if (operand.kind === 'size') {
    throw validationException('KeyConditionExpressions cannot contain nested operations');
  }
  if (operand.kind !== 'path') throw notSupported();
  const [name] = operand.path;
  if (operand.path.length > 1) {
    throw validationException(
      `Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: ${name}`,
    );
  }
  return name as string;
};

const keyValue = (operand: Operand): AttributeValue => {
  if (operand.kind === 'size') {
    throw validationException('KeyConditionExpressions cannot contain nested operations');
  }
  if (operand.kind !== 'value') throw notSupported();
  return operand.value;
};

/** One conjunct as `key op values`, or DynamoDB's error for a shape Query does not accept. */
const keyTerm = (condition: Condition): KeyTerm => {
  switch (condition.kind) {
    case 'or':
      throw invalidOperator('OR');
    case 'not':
      throw invalidOperator('NOT');
    case 'in':
      throw invalidOperator('IN');
    case 'function': {
      if (condition.name !== 'begins_with') throw invalidOperator(condition.name);
      const [path, prefix] = condition.args as [Operand, Operand];
      return { name: keyName(path), op: 'begins_with', values: [keyValue(prefix)] };
    }
    case 'between':
      return {
        name: keyName(condition.operand),
        op: 'BETWEEN',
        values: [keyValue(condition.low), keyValue(condition.high)],
      };
    case 'compare': {
      if (condition.op === '<>') throw invalidOperator('<>');
      const flipped = condition.left.kind === 'value';
      const [key, value] = flipped
        ? [condition.right, condition.left]
        : [condition.left, condition.right];
      const op = flipped ? (FLIPPED[condition.op] as Comparator) : condition.op;
      return { name: keyName(key), op: op as SortKeyOperator, values: [keyValue(value)] };
    }
    case 'and':
      throw notSupported();
  }
};

/** Checks a parsed KeyConditionExpression against the key schema (the table's or the index's). */
export const toKeyCondition = (condition: Condition, schema: KeySchema): KeyCondition => {
  const terms = conjuncts(condition).map(keyTerm);
  const byName = new Map<string, KeyTerm>();
  for (const term of terms) {
    const isKey = term.name === schema.partitionKey.name || term.name === schema.sortKey?.name;
    if (!isKey) throw validationException('Query condition missed key schema element');
    if (byName.has(term.name)) {
      throw validationException('KeyConditionExpressions must only contain one condition per key');
    }
    byName.set(term.name, term);
  }
  const partition = byName.get(schema.partitionKey.name);
  if (partition === undefined)
    throw validationException('Query condition missed key schema element');
  if (partition.op !== '=') throw notSupported();
  const sort = schema.sortKey === undefined ? undefined : byName.get(schema.sortKey.name);
  const typeMismatch = (term: KeyTerm, type: string) => term.values.some((v) => typeOf(v) !== type);
  if (
    typeMismatch(partition, schema.partitionKey.type) ||
    (sort !== undefined && typeMismatch(sort, schema.sortKey?.type as string))
  ) {
    throw validationException(
      'One or more parameter values were invalid: Condition parameter type does not match schema type',
    );
  }
  return {
    partitionKey: partition.name,
    partitionValue: partition.values[0] as AttributeValue,
    ...(sort !== undefined ? { sort: { name: sort.name, op: sort.op, values: sort.values } } : {}),
  };
};
