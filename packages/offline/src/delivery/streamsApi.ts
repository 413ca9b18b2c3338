import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';

/**
 * The part of the DynamoDB Streams API the delivery driver reads through: a
 * `DynamoDBStreamsClient` (e.g. on DynamoDB Local) or an `InMemoryStreamsClient`.
 */
export type StreamsApi = Pick<DynamoDBStreamsClient, 'send'>;
