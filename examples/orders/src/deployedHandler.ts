// The deployed Lambda entry point: `Handler: deployedHandler.handler` in template.json.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { deployedDeadLetters, deployedTableNames } from '@sluice/example-deploy';
import { dynamoDbProjectionStore } from '@sluice/projections/dynamodb';
import { ordersHandler } from './ordersHandler.js';
import { orderProjectionTables } from './orderTables.js';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));

/** Runs the orders projections on each batch of the `orders` stream. */
export const handler = ordersHandler({
  store: dynamoDbProjectionStore({
    client,
    tableName: deployedTableNames(orderProjectionTables, process.env),
  }),
  deadLetters: deployedDeadLetters(client, process.env),
});
