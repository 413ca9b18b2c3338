import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { dynamodbLocalCredentials, dynamodbLocalRegion } from './connectDynamoDBLocal.js';

const POLL_INTERVAL_MS = 100;
const REQUEST_TIMEOUT_MS = 2_000;

/**
 * Polls `ListTables` until DynamoDB Local answers (true), `deadline` passes or `gaveUp()` says the
 * process is gone (false). The port opens before the server can serve, so only an answer counts.
 */
export const waitUntilAnswering = async (
  endpoint: string,
  deadline: number,
  gaveUp: () => boolean = () => false,
): Promise<boolean> => {
  const client = new DynamoDBClient({
    endpoint,
    region: dynamodbLocalRegion,
    credentials: dynamodbLocalCredentials,
    maxAttempts: 1,
  });
  try {
    while (Date.now() < deadline && !gaveUp()) {
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }), {
          abortSignal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        return true;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
      }
    }
    return false;
  } finally {
    client.destroy();
  }
};
