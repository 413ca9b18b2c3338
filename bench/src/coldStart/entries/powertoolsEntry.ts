// A deployable Powertools handler doing the same job the way its docs suggest: the bundle the
// cold-start measurement weighs and imports.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { powertoolsHandler } from '../../throughput/powertoolsBatch.js';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));

/** Order history and lines per order, one write per record. */
export const handler = powertoolsHandler(async ({ eventName, dynamodb }) => {
  const line = dynamodb.NewImage ?? dynamodb.OldImage;
  if (line === undefined) return;
  await client.send(
    new PutCommand({
      TableName: 'orderHistory',
      Item: {
        orderId: line.orderId,
        change: dynamodb.SequenceNumber.padStart(40, '0'),
        eventName,
        newImage: dynamodb.NewImage,
        oldImage: dynamodb.OldImage,
      },
    }),
  );
  const delta = eventName === 'INSERT' ? 1 : eventName === 'REMOVE' ? -1 : 0;
  if (delta !== 0)
    await client.send(
      new UpdateCommand({
        TableName: 'linesPerOrder',
        Key: { orderId: line.orderId },
        UpdateExpression: 'ADD #lines :delta',
        ExpressionAttributeNames: { '#lines': 'lines' },
        ExpressionAttributeValues: { ':delta': delta },
      }),
    );
});
