import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import {
  type Condition,
  compileExpressions,
  evaluateCondition,
  type RequestExpressions,
} from '../expression/expressions.js';
import type { AttributeMap } from '../item/attributeMap.js';
import type { KeySchema } from '../item/keySchema.js';
import { validationException } from '../table/dynamoDbErrors.js';
import type { WriteCondition } from '../table/writeCondition.js';
import type { WriteOptions } from '../table/writeRequests.js';
import { wireMap } from './wireJson.js';

/** The expression members of a request, as the SDK sends them. */
export interface ExpressionMembers {
  readonly ConditionExpression?: string;
  readonly FilterExpression?: string;
  readonly UpdateExpression?: string;
  readonly ProjectionExpression?: string;
  readonly KeyConditionExpression?: string;
  readonly ExpressionAttributeNames?: Record<string, string>;
  readonly ExpressionAttributeValues?: Record<string, AttributeValue>;
}

/**
 * Refuses the pre-expression parameters (`Expected`, `AttributeUpdates`, `KeyConditions`, …): the
 * in-process DynamoDB implements the expression forms only, and says so rather than ignore them.
 */
export const refuseLegacy = (input: object, members: readonly string[]): void => {
  for (const member of members) {
    if ((input as Record<string, unknown>)[member] !== undefined) {
      throw validationException(
        `The in-process DynamoDB does not support the legacy parameter ${member}; use the expression parameters instead`,
      );
    }
  }
};

/** Parses and validates every expression of a request at once (unused names and values are errors). */
export const compileRequest = (input: ExpressionMembers, keySchema?: KeySchema) => {
  const expressions: RequestExpressions = {
    condition: input.ConditionExpression,
    filter: input.FilterExpression,
    update: input.UpdateExpression,
    projection: input.ProjectionExpression,
    keyCondition: input.KeyConditionExpression,
    names: input.ExpressionAttributeNames,
    values: wireMap(input.ExpressionAttributeValues),
  };
  return compileExpressions(expressions, keySchema);
};

/** A compiled ConditionExpression as the table's write condition. */
export const writeCondition = (condition: Condition): WriteCondition => ({
  type: 'matches',
  test: (item: AttributeMap | undefined) => evaluateCondition(condition, item),
});

/** The table's write options for a request's condition and `ReturnValuesOnConditionCheckFailure`. */
export const writeOptions = (
  condition: Condition | undefined,
  onFailure: string | undefined,
): WriteOptions => ({
  ...(condition ? { condition: writeCondition(condition) } : {}),
  ...(onFailure === 'ALL_OLD' ? { returnValuesOnConditionCheckFailure: 'ALL_OLD' as const } : {}),
});
