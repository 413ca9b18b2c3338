import {
  DynamoDBServiceException,
  ResourceInUseException,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { metadata } from '../table/dynamoDbErrors.js';

/** An operation on a table (or index) that does not exist; DynamoDB Local's wording. */
export const tableNotFound = (): ResourceNotFoundException =>
  new ResourceNotFoundException({
    message: 'Cannot do operations on a non-existent table',
    $metadata: metadata(),
  });

/** CreateTable of a name already taken; DynamoDB Local's wording. */
export const tableExists = (): ResourceInUseException =>
  new ResourceInUseException({
    message: 'Cannot create preexisting table',
    $metadata: metadata(),
  });

/** An operation the in-process DynamoDB does not implement (PartiQL, backups, tags, …). */
export const unknownOperation = (operation: string): DynamoDBServiceException =>
  new DynamoDBServiceException({
    name: 'UnknownOperationException',
    $fault: 'client',
    message: `The in-process DynamoDB does not support the operation ${operation}`,
    $metadata: metadata(),
  });
