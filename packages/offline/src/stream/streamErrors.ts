import { randomUUID } from 'node:crypto';
import {
  DynamoDBStreamsServiceException,
  ExpiredIteratorException,
  ResourceNotFoundException,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';

// The stream throws the Streams SDK's own exception classes, so a poller written against
// `DynamoDBStreamsClient` sees the same `name`, `$fault` and `instanceof` results here.

const metadata = () => ({
  httpStatusCode: 400,
  requestId: randomUUID(),
  attempts: 1,
  totalRetryDelay: 0,
});

/** Reading a position whose records are older than the retention period (24 h). */
export const trimmedDataAccess = (message: string): TrimmedDataAccessException =>
  new TrimmedDataAccessException({ message, $metadata: metadata() });

/** Using a shard iterator more than 15 minutes after it was issued. */
export const expiredIterator = (message: string): ExpiredIteratorException =>
  new ExpiredIteratorException({ message, $metadata: metadata() });

/** An unknown stream or shard. */
export const resourceNotFound = (message: string): ResourceNotFoundException =>
  new ResourceNotFoundException({ message, $metadata: metadata() });

/** A malformed request (bad limit, iterator or sequence number). */
export const streamValidationException = (message: string): DynamoDBStreamsServiceException =>
  new DynamoDBStreamsServiceException({
    name: 'ValidationException',
    $fault: 'client',
    message,
    $metadata: metadata(),
  });
