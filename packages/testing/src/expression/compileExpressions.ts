import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { validationException } from '../table/dynamoDbErrors.js';
import type { KeySchema } from '../table/keySchema.js';
import type { Condition, Projection, Update } from './ast.js';
import { checkPathOverlap } from './checkPathOverlap.js';
import { conditionPaths } from './conditionPaths.js';
import type { ExpressionKind } from './expressionErrors.js';
import { type KeyCondition, toKeyCondition } from './keyCondition.js';
import { parseCondition } from './parseCondition.js';
import { parseProjection } from './parseProjection.js';
import { Parser, type Placeholders, SyntaxFailure } from './parser.js';
import { parseUpdate } from './parseUpdate.js';
import { checkAllUsed, preparePlaceholders } from './placeholders.js';

/** The expressions of one request and their placeholders (DynamoDB checks unused names/values across all of them). */
export interface RequestExpressions {
  readonly condition?: string;
  readonly filter?: string;
  readonly update?: string;
  readonly projection?: string;
  readonly keyCondition?: string;
  readonly names?: Record<string, string>;
  readonly values?: Record<string, AttributeValue>;
}

/** The parsed, validated expressions of one request. */
export interface CompiledExpressions {
  condition?: Condition;
  filter?: Condition;
  update?: Update;
  projection?: Projection;
  keyCondition?: KeyCondition;
}

const parse = <T>(
  text: string,
  kind: ExpressionKind,
  placeholders: Placeholders,
  parser: (p: Parser) => T,
): T => {
  try {
    return parser(new Parser(text, kind, placeholders));
  } catch (error) {
    throw error instanceof SyntaxFailure ? error.exception : error;
  }
};

const checkKeyNotUpdated = (update: Update, schema: KeySchema): void => {
  const keys = [schema.partitionKey.name, schema.sortKey?.name];
  for (const action of update.actions) {
    const name = action.path[0] as string;
    if (keys.includes(name)) {
      throw validationException(
        `One or more parameter values were invalid: Cannot update attribute ${name}. This attribute is part of the key`,
      );
    }
  }
};

const checkFilterOnKeys = (filter: Condition, schema: KeySchema): void => {
  const keys = [schema.partitionKey.name, schema.sortKey?.name];
  for (const path of conditionPaths(filter)) {
    if (keys.includes(path[0] as string)) {
      throw validationException(
        `Filter Expression can only contain non-primary key attributes: Primary key attribute: ${path[0]}`,
      );
    }
  }
};

const checkPlaceholdersHaveExpressions = (input: RequestExpressions): void => {
  const { condition, filter, update, projection, keyCondition } = input;
  if ([condition, filter, update, projection, keyCondition].some((e) => e !== undefined)) return;
  for (const [map, label] of [
    [input.names, 'ExpressionAttributeNames'],
    [input.values, 'ExpressionAttributeValues'],
  ] as const) {
    if (map !== undefined) {
      throw validationException(`${label} can only be specified when using expressions`);
    }
  }
};

/**
 * Parses and validates a request's expressions; throws DynamoDB's ValidationException on any
 * error. Syntax and names are checked expression by expression first, then the checks that need
 * a whole expression (path overlaps, key conditions), then placeholders left unused.
 */
export const compileExpressions = (
  input: RequestExpressions,
  keySchema?: KeySchema,
): CompiledExpressions => {
  checkPlaceholdersHaveExpressions(input);
  const placeholders = preparePlaceholders(input.names, input.values);
  const out: CompiledExpressions = {};
  if (input.projection !== undefined) {
    out.projection = parse(input.projection, 'ProjectionExpression', placeholders, parseProjection);
  }
  if (input.update !== undefined) {
    out.update = parse(input.update, 'UpdateExpression', placeholders, parseUpdate);
  }
  if (input.condition !== undefined) {
    out.condition = parse(input.condition, 'ConditionExpression', placeholders, parseCondition);
  }
  if (input.filter !== undefined) {
    out.filter = parse(input.filter, 'FilterExpression', placeholders, parseCondition);
  }
  const keyText = input.keyCondition;
  const keyAst =
    keyText === undefined
      ? undefined
      : parse(keyText, 'KeyConditionExpression', placeholders, parseCondition);
  if (out.update !== undefined) {
    checkPathOverlap(
      'UpdateExpression',
      out.update.actions.map((a) => a.path),
    );
    if (keySchema !== undefined) checkKeyNotUpdated(out.update, keySchema);
  }
  if (out.projection !== undefined) checkPathOverlap('ProjectionExpression', out.projection.paths);
  if (keyAst !== undefined) {
    if (keySchema === undefined)
      throw new TypeError('a KeyConditionExpression needs the key schema');
    out.keyCondition = toKeyCondition(keyAst, keySchema);
    if (out.filter !== undefined) checkFilterOnKeys(out.filter, keySchema);
  }
  checkAllUsed(placeholders);
  return out;
};
