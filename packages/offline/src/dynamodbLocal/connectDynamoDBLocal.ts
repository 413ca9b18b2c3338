import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** The dummy region every DynamoDB Local client uses (DynamoDB Local puts it in stream ARNs). */
export const dynamodbLocalRegion = 'local';

/** Dummy credentials: DynamoDB Local checks their shape, never their value. */
export const dynamodbLocalCredentials = {
  accessKeyId: 'sluice',
  secretAccessKey: 'sluice',
} as const;

/** Ready-made clients for one DynamoDB Local endpoint. */
export interface DynamoDBLocalClients {
  readonly dynamodb: DynamoDBClient;
  readonly documentClient: DynamoDBDocumentClient;
  readonly streams: DynamoDBStreamsClient;
}

/** A connection to a running DynamoDB Local: endpoint, dummy region/credentials and clients. */
export interface DynamoDBLocalConnection {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: typeof dynamodbLocalCredentials;
  readonly clients: DynamoDBLocalClients;
  /** Closes the clients' sockets (the server keeps running). */
  readonly destroy: () => void;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Clients for a DynamoDB Local already running at `endpoint` (e.g. from
 * `inject('dynamodbLocalEndpoint')`). Only loopback endpoints are accepted, so a test can never
 * reach real AWS by mistake.
 */
export const connectDynamoDBLocal = (endpoint: string): DynamoDBLocalConnection => {
  const url = new URL(endpoint);
  if (!LOOPBACK.has(url.hostname)) {
    throw new Error(`connectDynamoDBLocal expects a loopback endpoint, got ${endpoint}`);
  }
  const config = { endpoint, region: dynamodbLocalRegion, credentials: dynamodbLocalCredentials };
  const dynamodb = new DynamoDBClient(config);
  const documentClient = DynamoDBDocumentClient.from(dynamodb);
  const streams = new DynamoDBStreamsClient(config);
  return {
    endpoint,
    region: dynamodbLocalRegion,
    credentials: dynamodbLocalCredentials,
    clients: { dynamodb, documentClient, streams },
    destroy: () => {
      documentClient.destroy();
      dynamodb.destroy();
      streams.destroy();
    },
  };
};
