// A deployable Sluice handler: the bundle the cold-start measurement weighs and imports.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoDbProjectionStore } from '@sluice/projections/dynamodb';
import { lambdaHandler } from '@sluice/projections/lambda';
import { handlerProjections } from '../../orders/benchProjections.js';
import { logDeadLetters } from './logDeadLetters.js';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));

/** Order history and lines per order, on DynamoDB. */
export const handler = lambdaHandler({
  projections: handlerProjections,
  store: dynamoDbProjectionStore({ client }),
  deadLetters: logDeadLetters,
});
