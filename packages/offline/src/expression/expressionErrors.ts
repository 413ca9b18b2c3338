import type { DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import { validationException } from '../table/dynamoDbErrors.js';

/** Which request parameter an expression came from; DynamoDB names it in its messages. */
export type ExpressionKind =
  | 'UpdateExpression'
  | 'ConditionExpression'
  | 'FilterExpression'
  | 'ProjectionExpression'
  | 'KeyConditionExpression';

/** DynamoDB's `Invalid <kind>: <message>` ValidationException. */
export const invalidExpression = (
  kind: ExpressionKind,
  message: string,
): DynamoDBServiceException => validationException(`Invalid ${kind}: ${message}`);

/** "Incorrect operand type…" for an operand whose type a function or operator refuses. */
export const incorrectOperandType = (
  kind: ExpressionKind,
  operator: string,
  type: string,
): DynamoDBServiceException =>
  invalidExpression(
    kind,
    `Incorrect operand type for operator or function; operator or function: ${operator}, operand type: ${type}`,
  );

/** "Incorrect number of operands…" for a function called with the wrong number of arguments. */
export const incorrectOperandCount = (
  kind: ExpressionKind,
  fn: string,
  count: number,
): DynamoDBServiceException =>
  invalidExpression(
    kind,
    `Incorrect number of operands for operator or function; operator or function: ${fn}, number of operands: ${count}`,
  );

/** The runtime error DynamoDB raises when an update operand has the wrong type in the item. */
export const wrongOperandType = (): DynamoDBServiceException =>
  validationException('An operand in the update expression has an incorrect data type');

/** The runtime error for an update path whose parent is missing or of the wrong type. */
export const invalidUpdatePath = (): DynamoDBServiceException =>
  validationException('The document path provided in the update expression is invalid for update');

/** The runtime error for an update operand read from a path that does not exist. */
export const missingAttribute = (): DynamoDBServiceException =>
  validationException(
    'The provided expression refers to an attribute that does not exist in the item',
  );
