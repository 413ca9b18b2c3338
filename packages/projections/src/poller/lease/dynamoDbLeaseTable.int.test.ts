import { connectDynamoDBLocal } from '@sluice/offline';
import { afterAll, beforeAll, inject } from 'vitest';
import { describeLeaseTableContract } from '../testSupport/leaseTableContract.js';
import { createLeaseTable } from './createLeaseTable.js';
import { dynamoDbLeaseTable } from './dynamoDbLeaseTable.js';

const connection = connectDynamoDBLocal(inject('dynamodbLocalEndpoint'));
const tableName = `leases-contract-${process.pid}-${Date.now()}`;

beforeAll(() => createLeaseTable(connection.clients.dynamodb, tableName));
afterAll(() => connection.destroy());

describeLeaseTableContract('DynamoDB', () =>
  dynamoDbLeaseTable({ client: connection.clients.dynamodb, tableName }),
);
