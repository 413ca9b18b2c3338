import { dynamoDbHarness } from '../dynamodb/testSupport/dynamoDbHarness.js';
import { describeProjectionStoreContract } from './testSupport/projectionStoreContract.js';

describeProjectionStoreContract('DynamoDB Local', dynamoDbHarness, {
  propertyRuns: 25,
  largeBatch: 400,
});
