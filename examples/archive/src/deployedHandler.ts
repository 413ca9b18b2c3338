// The deployed Lambda entry point: `Handler: deployedHandler.handler` in template.json.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { deployedDeadLetters, deployedTableNames } from '@sluice/example-deploy';
import { dynamoDbProjectionStore } from '@sluice/projections/dynamodb';
import { archiveHandler } from './archiveHandler.js';
import { archiveProjectionTables } from './archiveTables.js';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));

/** Archives the tasks TTL deletes from `todoListTask` (Lambda delivers only those). */
export const handler = archiveHandler({
  store: dynamoDbProjectionStore({
    client,
    tableName: deployedTableNames(archiveProjectionTables, process.env),
  }),
  deadLetters: deployedDeadLetters(client, process.env),
});
