import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as E from 'fp-ts/lib/Either.js';
import { orderHistoryTable } from './orderTables.js';

/** One change of an order line, as the order-history projection stored it. */
export type OrderChange = {
  readonly orderId: string;
  /** The change's sequence number, zero-padded so that string order is stream order. */
  readonly change: string;
  readonly eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  readonly at: string;
  readonly newImage?: Record<string, unknown>;
  readonly oldImage?: Record<string, unknown>;
  readonly changedAttributes?: readonly string[];
};

/** The history table could not be read. */
export interface HistoryQueryFailed {
  readonly _tag: 'HistoryQueryFailed';
  readonly message: string;
}

/**
 * The Order History API: every change of one order, oldest first. One Query on the partition
 * key (paged past 1 MB); the sort key is the sequence number, so no sorting is needed.
 */
export const orderHistoryOf = async (
  client: DynamoDBDocumentClient,
  orderId: string,
  tableName: string = orderHistoryTable.tableName,
): Promise<E.Either<HistoryQueryFailed, OrderChange[]>> => {
  const changes: OrderChange[] = [];
  let start: Record<string, unknown> | undefined;
  try {
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: '#order = :order',
          ExpressionAttributeNames: { '#order': orderHistoryTable.partitionKey.name },
          ExpressionAttributeValues: { ':order': orderId },
          ExclusiveStartKey: start,
        }),
      );
      changes.push(...((page.Items ?? []) as OrderChange[]));
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
  } catch (error) {
    return E.left({
      _tag: 'HistoryQueryFailed',
      message: `reading the history of order ${orderId} from ${tableName} failed: ${String(error)}`,
    });
  }
  return E.right(changes);
};
