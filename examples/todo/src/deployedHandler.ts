// The deployed Lambda entry point: `Handler: deployedHandler.handler` in template.json.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { deployedDeadLetters, deployedTableNames } from '@sluice/example-deploy';
import { dynamoDbProjectionStore } from '@sluice/projections/dynamodb';
import { todoHandler } from './todoHandler.js';
import { todoProjectionTables } from './todoTables.js';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));

/** Runs the todo projection on each batch of the `todoListTask` stream. */
export const handler = todoHandler({
  store: dynamoDbProjectionStore({
    client,
    tableName: deployedTableNames(todoProjectionTables, process.env),
  }),
  deadLetters: deployedDeadLetters(client, process.env),
});
