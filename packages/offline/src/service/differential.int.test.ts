import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, expect, inject, it } from 'vitest';
import { comparableStream } from '../conformance/testSupport/comparableRecord.js';
import { connectDynamoDBLocal } from '../dynamodbLocal/connectDynamoDBLocal.js';
import { readDynamoDBLocalStream } from '../dynamodbLocal/readDynamoDBLocalStream.js';
import { InProcessDynamoDB } from './inProcessDynamoDB.js';
import { differentialOperation } from './testSupport/differentialOperations.js';
import { createDifferentialTable, runOperation } from './testSupport/runDifferential.js';

/** Records grouped by item key, each group in stream order. */
const byItem = <R extends { dynamodb: { Keys: unknown } }>(records: readonly R[]) => {
  const groups: Record<string, R[]> = {};
  for (const record of records) {
    const keys = record.dynamodb.Keys as { pk?: { S?: string }; sk?: { N?: string } };
    const key = `${keys.pk?.S}/${keys.sk?.N}`;
    groups[key] = [...(groups[key] ?? []), record];
  }
  return groups;
};

const local = connectDynamoDBLocal(inject('dynamodbLocalEndpoint'));
afterAll(() => local.destroy());

it('random operation sequences answer and stream the same on the in-process DynamoDB and DynamoDB Local', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(differentialOperation, { minLength: 1, maxLength: 12 }),
      async (operations) => {
        const tableName = `differential-${randomUUID()}`;
        // One shard, as DynamoDB Local has, so records compare in one sequence order.
        const db = new InProcessDynamoDB({ stream: { partitionCount: 1 } });
        const inProcess = { client: db.client(), streams: db.streamsClient() };
        const localArn = await createDifferentialTable(local.clients.dynamodb, tableName);
        const inProcessArn = await createDifferentialTable(inProcess.client, tableName);
        for (const [i, operation] of operations.entries()) {
          const expected = await runOperation(local.clients.dynamodb, tableName, operation);
          const actual = await runOperation(inProcess.client, tableName, operation);
          expect(actual, `operation ${i}: ${JSON.stringify(operation)}`).toEqual(expected);
        }
        const localRecords = await readDynamoDBLocalStream(local.clients.streams, localArn);
        const inProcessRecords = await readDynamoDBLocalStream(inProcess.streams, inProcessArn);
        // Order is promised per item only (a batch's writes have none), so compare item by item.
        expect(byItem(comparableStream(inProcessRecords))).toEqual(
          byItem(comparableStream(localRecords)),
        );
      },
    ),
    { numRuns: 60 },
  );
});
