import { InProcessDynamoDB } from '@sluice/testing';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { orderServiceSpec } from './testSupport/orderServiceSpec.js';

describe('the order service on the in-process DynamoDB', () => {
  it('writes through its own DocumentClient, and the projections end exact under every fault', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(1000), async (seed) => {
        const dynamodb = new InProcessDynamoDB();
        await orderServiceSpec(
          { dynamodb: dynamodb.client(), streams: dynamodb.streamsClient() },
          'orders',
          seed,
        );
      }),
      { numRuns: 20 },
    );
  });
});
