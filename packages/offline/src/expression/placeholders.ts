import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { admitValue } from '../table/admitValue.js';
import { validationException } from '../table/dynamoDbErrors.js';
import { javaHashOrder } from './javaHashOrder.js';
import type { Placeholders } from './parser.js';

const NAME_KEY = /^#[A-Za-z0-9_]+$/;
const VALUE_KEY = /^:[A-Za-z0-9_]+$/;

const checkNames = (names: Readonly<Record<string, string>>): void => {
  for (const key of Object.keys(names)) {
    if (!NAME_KEY.test(key)) {
      throw validationException(
        `ExpressionAttributeNames contains invalid key: Syntax error; key: "${key}"`,
      );
    }
    if (typeof names[key] !== 'string' || names[key] === '') {
      throw validationException(
        `ExpressionAttributeNames contains invalid value: Empty attribute name for key ${key}`,
      );
    }
  }
};

const admitValues = (
  values: Readonly<Record<string, AttributeValue>>,
): Record<string, AttributeValue> => {
  const admitted: Record<string, AttributeValue> = {};
  for (const key of Object.keys(values)) {
    if (!VALUE_KEY.test(key)) {
      throw validationException(
        `ExpressionAttributeValues contains invalid key: Syntax error; key: "${key}"`,
      );
    }
    try {
      admitted[key] = admitValue(values[key], { size: 0 });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw validationException(
        `ExpressionAttributeValues contains invalid value: ${message} for key ${key}`,
      );
    }
  }
  return admitted;
};

/** Checks the placeholder maps (not empty, well-formed keys, valid values) and starts usage tracking. */
export const preparePlaceholders = (
  names: Readonly<Record<string, string>> | undefined,
  values: Readonly<Record<string, AttributeValue>> | undefined,
): Placeholders => {
  if (names !== undefined && Object.keys(names).length === 0) {
    throw validationException('ExpressionAttributeNames must not be empty');
  }
  if (values !== undefined && Object.keys(values).length === 0) {
    throw validationException('ExpressionAttributeValues must not be empty');
  }
  if (names !== undefined) checkNames(names);
  return {
    names,
    values: values === undefined ? undefined : admitValues(values),
    rawValues: values,
    usedNames: new Set(),
    usedValues: new Set(),
  };
};

const unused = (kind: string, defined: readonly string[], used: Set<string>): void => {
  const left = defined.filter((key) => !used.has(key));
  if (left.length > 0) {
    throw validationException(
      `Value provided in ${kind} unused in expressions: keys: {${javaHashOrder(left).join(', ')}}`,
    );
  }
};

/** DynamoDB refuses placeholders that no expression of the request uses. */
export const checkAllUsed = (placeholders: Placeholders): void => {
  unused('ExpressionAttributeNames', Object.keys(placeholders.names ?? {}), placeholders.usedNames);
  unused(
    'ExpressionAttributeValues',
    Object.keys(placeholders.values ?? {}),
    placeholders.usedValues,
  );
};
