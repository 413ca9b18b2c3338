import {
  type AttributeMap,
  type AttributeValue,
  memberOf,
  setAttribute,
  typeOf,
} from '../item/attributeMap.js';
import type { KeySchema } from '../item/keySchema.js';
import { admitValue } from './admitValue.js';
import { validationException } from './dynamoDbErrors.js';
import { addDynamoNumbers, formatDynamoNumber, parseDynamoNumber } from './dynamoNumber.js';

/**
 * An update expression as data, on top-level attributes: `SET a = :a`, `REMOVE b`,
 * `ADD n :n` (numbers add, sets union; a missing attribute starts at 0 / empty) and
 * `DELETE s :s` (remove elements from a set; an emptied set disappears).
 */
export interface UpdateActions<V = AttributeValue> {
  readonly set?: Readonly<Record<string, V>>;
  readonly remove?: readonly string[];
  readonly add?: Readonly<Record<string, V>>;
  readonly delete?: Readonly<Record<string, V>>;
}

const wrongOperand = () =>
  validationException('An operand in the update expression has an incorrect data type');

const operandType = (
  operator: 'ADD' | 'DELETE',
  value: AttributeValue,
  allowed: readonly string[],
): string => {
  const type = typeOf(value) ?? '';
  if (!allowed.includes(type)) {
    const names: Record<string, string> = {
      S: 'STRING',
      N: 'NUMBER',
      B: 'BINARY',
      BOOL: 'BOOLEAN',
      NULL: 'NULL',
      L: 'LIST',
      M: 'MAP',
    };
    throw validationException(
      `Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ${operator}, operand type: ${names[type] ?? type}, typeSet: ALLOWED_FOR_${operator}_OPERAND`,
    );
  }
  return type;
};

const setKey = (type: string, element: unknown): string =>
  type === 'BS' ? Buffer.from(element as Uint8Array).toString('latin1') : (element as string);

const addNumbers = (a: string, b: string): AttributeValue => {
  const x = parseDynamoNumber(a);
  const y = parseDynamoNumber(b);
  if (typeof x === 'string' || typeof y === 'string') throw wrongOperand();
  const sum = addDynamoNumbers(x, y);
  if (typeof sum === 'string')
    throw validationException(
      'Number overflow. Attempting to store a number with magnitude larger than supported range',
    );
  return { N: formatDynamoNumber(sum) };
};

const combineSets = (
  type: string,
  current: unknown[],
  operand: unknown[],
  keep: boolean,
): unknown[] => {
  const operandKeys = new Set(operand.map((e) => setKey(type, e)));
  if (!keep) return current.filter((e) => !operandKeys.has(setKey(type, e)));
  const currentKeys = new Set(current.map((e) => setKey(type, e)));
  return [...current, ...operand.filter((e) => !currentKeys.has(setKey(type, e)))];
};

const existingValue = (item: Record<string, unknown>, name: string): AttributeValue | undefined =>
  Object.hasOwn(item, name) ? (item[name] as AttributeValue) : undefined;

const checkPaths = (schema: KeySchema, actions: UpdateActions<unknown>): void => {
  const seen = new Set<string>();
  const keyNames = [schema.partitionKey.name, schema.sortKey?.name];
  const names = [
    ...Object.keys(actions.set ?? {}),
    ...(actions.remove ?? []),
    ...Object.keys(actions.add ?? {}),
    ...Object.keys(actions.delete ?? {}),
  ];
  for (const name of names) {
    if (name === '') throw validationException('Empty attribute name');
    if (keyNames.includes(name)) {
      throw validationException(
        `One or more parameter values were invalid: Cannot update attribute ${name}. This attribute is part of the key`,
      );
    }
    if (seen.has(name)) {
      throw validationException(
        `Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [${name}], path two: [${name}]`,
      );
    }
    seen.add(name);
  }
};

/**
 * The item after applying `actions` to `current` (or to the bare key, since UpdateItem creates
 * missing items). SET and operand values are admitted here; sums and set unions are built fresh,
 * so the caller admits the result as an owned item.
 */
export const applyUpdateActions = (
  schema: KeySchema,
  keys: AttributeMap,
  current: AttributeMap | undefined,
  actions: UpdateActions,
  owned = false,
): Record<string, unknown> => {
  checkPaths(schema, actions);
  const next: Record<string, unknown> = { ...(current ?? keys) };
  for (const [name, value] of Object.entries(actions.set ?? {})) {
    setAttribute(next, name, admitValue(value, { size: 0 }, 0, owned));
  }
  for (const name of actions.remove ?? []) delete next[name];
  for (const [name, raw] of Object.entries(actions.add ?? {})) {
    const operand = admitValue(raw, { size: 0 }, 0, owned);
    const type = operandType('ADD', operand, ['N', 'SS', 'NS', 'BS']);
    const existing = existingValue(next, name);
    if (existing === undefined) setAttribute(next, name, operand);
    else if (memberOf(existing, type) === undefined) throw wrongOperand();
    else if (type === 'N')
      setAttribute(next, name, addNumbers(existing.N as string, operand.N as string));
    else
      setAttribute(next, name, {
        [type]: combineSets(
          type,
          memberOf(existing, type) as unknown[],
          memberOf(operand, type) as unknown[],
          true,
        ),
      });
  }
  for (const [name, raw] of Object.entries(actions.delete ?? {})) {
    const operand = admitValue(raw, { size: 0 }, 0, owned);
    const type = operandType('DELETE', operand, ['SS', 'NS', 'BS']);
    const existing = existingValue(next, name);
    if (existing === undefined) continue;
    if (memberOf(existing, type) === undefined) throw wrongOperand();
    const remaining = combineSets(
      type,
      memberOf(existing, type) as unknown[],
      memberOf(operand, type) as unknown[],
      false,
    );
    if (remaining.length === 0) delete next[name];
    else setAttribute(next, name, { [type]: remaining });
  }
  return next;
};
