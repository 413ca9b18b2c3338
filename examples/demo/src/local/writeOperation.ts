import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Operation } from '../workload/operation.js';

/** The items an operation writes, so that writes to one item stay in order. */
export const itemsOf = (operation: Operation): string[] => {
  switch (operation.kind) {
    case 'put':
      return [`${operation.table}|${JSON.stringify(keyOf(operation.item))}`];
    case 'delete':
      return [`${operation.table}|${JSON.stringify(keyOf(operation.key))}`];
    case 'move':
      return [
        `${operation.table}|${JSON.stringify(keyOf(operation.from))}`,
        `${operation.table}|${JSON.stringify(keyOf(operation.item))}`,
      ];
    default:
      return [];
  }
};

// Both source tables are keyed by their first two attributes as the workload writes them.
const KEY_NAMES = ['orderId', 'lineId', 'ListId', 'TaskId'];
const keyOf = (item: Readonly<Record<string, unknown>>) =>
  KEY_NAMES.filter((name) => name in item).map((name) => item[name]);

/**
 * Sends one workload operation to DynamoDB. Time, TTL sweeps and shard rollovers are the
 * in-memory engine's: on DynamoDB Local time is real, TTL never runs and there is one shard.
 */
export const writeOperation = async (
  client: DynamoDBDocumentClient,
  operation: Operation,
): Promise<void> => {
  switch (operation.kind) {
    case 'put':
      await client.send(new PutCommand({ TableName: operation.table, Item: operation.item }));
      return;
    case 'delete':
      await client.send(new DeleteCommand({ TableName: operation.table, Key: operation.key }));
      return;
    case 'move':
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Delete: { TableName: operation.table, Key: operation.from } },
            { Put: { TableName: operation.table, Item: operation.item } },
          ],
        }),
      );
      return;
    default:
      return;
  }
};
