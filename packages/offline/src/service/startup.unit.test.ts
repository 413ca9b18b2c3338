import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { InProcessDynamoDB } from './inProcessDynamoDB.js';
import { createOrdersTable } from './testSupport/tables.js';

describe('InProcessDynamoDB start-up', () => {
  it('creates a table and answers a first write in under 50 ms', async () => {
    // Warm the SDK's modules once: their first load is the test runner's cost, not ours.
    const warm = new InProcessDynamoDB();
    await createOrdersTable(warm);
    await warm
      .documentClient()
      .send(new PutCommand({ TableName: 'orders', Item: { pk: 'a', sk: 1 } }));
    const timings: number[] = [];
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      const db = new InProcessDynamoDB();
      await createOrdersTable(db);
      await db
        .documentClient()
        .send(new PutCommand({ TableName: 'orders', Item: { pk: 'a', sk: 1 } }));
      timings.push(performance.now() - started);
    }
    expect(Math.min(...timings)).toBeLessThan(50);
  });
});
