import { randomUUID } from 'node:crypto';
import { connectDynamoDBLocal, type DynamoDBLocalConnection } from '@sluice/offline';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Endpoint of the run's DynamoDB Local, provided by the testing package's global setup. */
    dynamodbLocalEndpoint: string;
  }
}

/** Clients for the run's DynamoDB Local (int tests only). */
export const connectLocal = (): DynamoDBLocalConnection =>
  connectDynamoDBLocal(inject('dynamodbLocalEndpoint'));

/** A table-name prefix no other test file or run uses: files share one DynamoDB Local. */
export const uniquePrefix = (label: string): string => `${label}-${randomUUID().slice(0, 8)}`;
