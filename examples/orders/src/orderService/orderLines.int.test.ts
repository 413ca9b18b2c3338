import { randomUUID } from 'node:crypto';
import { connectDynamoDBLocal } from '@sluice/testing';
import { afterAll, describe, inject, it } from 'vitest';
import { orderServiceSpec } from './testSupport/orderServiceSpec.js';

const local = connectDynamoDBLocal(inject('dynamodbLocalEndpoint'));
afterAll(() => local.destroy());

describe('the order service on DynamoDB Local', () => {
  it('is the same test as on the in-process DynamoDB, with the same outcome', async () => {
    const { dynamodb, streams } = local.clients;
    await orderServiceSpec({ dynamodb, streams }, `orders-${randomUUID().slice(0, 8)}`, 3);
  });
});
