import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';

/** What a shop's order service writes: it knows DynamoDB and nothing of Sluice. */
export interface NewOrderLine {
  readonly orderId: string;
  readonly lineId: string;
  readonly quantity: number;
  readonly unitPrice: number;
}

/**
 * The order service's repository, as a team would write it: plain SDK commands with expressions
 * and conditions. Sluice's tests run it unchanged, on the in-process DynamoDB or DynamoDB Local.
 */
export const orderLines = (client: DynamoDBDocumentClient, tableName = 'orders') => {
  const key = (orderId: string, lineId: string) => ({ orderId, lineId });
  const setStatus = (orderId: string, lineId: string, status: string, from: string) =>
    client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key(orderId, lineId),
        UpdateExpression: 'SET #status = :status, #changes = if_not_exists(#changes, :zero) + :one',
        ConditionExpression: 'attribute_exists(lineId) AND #status = :from',
        ExpressionAttributeNames: { '#status': 'status', '#changes': 'changes' },
        ExpressionAttributeValues: { ':status': status, ':from': from, ':zero': 0, ':one': 1 },
      }),
    );
  return {
    /** Adds a line, refusing to overwrite one that exists. */
    add: (line: NewOrderLine) =>
      client.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...line, status: 'open' },
          ConditionExpression: 'attribute_not_exists(lineId)',
        }),
      ),
    /** Changes the quantity of an open line. */
    changeQuantity: (orderId: string, lineId: string, quantity: number) =>
      client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key(orderId, lineId),
          UpdateExpression: 'SET quantity = :quantity',
          ConditionExpression: '#status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':quantity': quantity, ':open': 'open' },
        }),
      ),
    /** Ships an open line. */
    ship: (orderId: string, lineId: string) => setStatus(orderId, lineId, 'shipped', 'open'),
    /** Cancels an open line. */
    cancel: (orderId: string, lineId: string) => setStatus(orderId, lineId, 'cancelled', 'open'),
    /** Removes a line altogether. */
    remove: (orderId: string, lineId: string) =>
      client.send(new DeleteCommand({ TableName: tableName, Key: key(orderId, lineId) })),
  };
};
