import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { KeySchema } from '../item/keySchema.js';
import { validationException } from '../table/dynamoDbErrors.js';
import { utf8Length } from '../table/utf8Length.js';
import type { Condition, Projection, Update } from './ast.js';
import { checkPathOverlap } from './checkPathOverlap.js';
import { conditionPaths } from './conditionPaths.js';
import { type ExpressionKind, invalidExpression } from './expressionErrors.js';
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

const MAX_EXPRESSION_BYTES = 4096;

// DynamoDB's limit on one expression; its message gives the size except for UpdateExpression.
const checkSize = (text: string, kind: ExpressionKind): void => {
  const size = utf8Length(text);
  if (size <= MAX_EXPRESSION_BYTES) return;
  const detail = kind === 'UpdateExpression' ? '' : ` expression size: ${size}`;
  throw invalidExpression(kind, `Expression size has exceeded the maximum allowed size;${detail}`);
};

const parse = <T>(
  text: string,
  kind: ExpressionKind,
  placeholders: Placeholders,
  parser: (p: Parser) => T,
): { ast: T; late: Error | undefined } => {
  checkSize(text, kind);
  try {
    const p = new Parser(text, kind, placeholders);
    const ast = parser(p);
    return { ast, late: p.redundant ?? p.late };
  } catch (error) {
    throw error instanceof SyntaxFailure ? error.exception : error;
  }
};

const CLAUSE_ORDER = ['SET', 'REMOVE', 'ADD', 'DELETE'];

/** An update's paths clause by clause (SET, REMOVE, ADD, DELETE), the order DynamoDB checks overlaps in. */
const clauseOrderPaths = (update: Update) =>
  CLAUSE_ORDER.flatMap((kind) => update.actions.filter((a) => a.kind === kind).map((a) => a.path));

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
  const typeProblems: (Error | undefined)[] = [];
  const run = <T>(text: string | undefined, kind: ExpressionKind, parser: (p: Parser) => T) => {
    if (text === undefined) return undefined;
    const { ast, late } = parse(text, kind, placeholders, parser);
    typeProblems.push(late);
    return ast;
  };
  const projection = run(input.projection, 'ProjectionExpression', parseProjection);
  const update = run(input.update, 'UpdateExpression', parseUpdate);
  const condition = run(input.condition, 'ConditionExpression', parseCondition);
  const filter = run(input.filter, 'FilterExpression', parseCondition);
  const keyAst = run(input.keyCondition, 'KeyConditionExpression', parseCondition);
  if (update !== undefined) checkPathOverlap('UpdateExpression', clauseOrderPaths(update));
  const typeProblem = typeProblems.find((e) => e !== undefined);
  if (typeProblem !== undefined) throw typeProblem;
  if (update !== undefined && keySchema !== undefined) checkKeyNotUpdated(update, keySchema);
  if (projection !== undefined) checkPathOverlap('ProjectionExpression', projection.paths);
  let keyCondition: KeyCondition | undefined;
  if (keyAst !== undefined) {
    if (keySchema === undefined)
      throw new TypeError('a KeyConditionExpression needs the key schema');
    keyCondition = toKeyCondition(keyAst, keySchema);
    if (filter !== undefined) checkFilterOnKeys(filter, keySchema);
  }
  checkAllUsed(placeholders);
  return {
    ...(projection !== undefined ? { projection } : {}),
    ...(update !== undefined ? { update } : {}),
    ...(condition !== undefined ? { condition } : {}),
    ...(filter !== undefined ? { filter } : {}),
    ...(keyCondition !== undefined ? { keyCondition } : {}),
  };
};
