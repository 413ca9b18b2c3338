import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { countRequests, createProjectionTables, tableSpec } from '@sluice/projections/dynamodb';
import { connectDynamoDBLocal } from '@sluice/testing';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { dynamodbLocalEndpoint } from '../testSupport/dynamodbLocalEndpoint.js';
import { unitsOf } from './capacityUnits.js';
import { captureRequests } from './captureRequests.js';
import { sizingClient, touchedItemSizes } from './touchedItemSizes.js';

const connection = connectDynamoDBLocal(dynamodbLocalEndpoint());
const sizing = sizingClient(connection.clients.dynamodb);
afterAll(() => {
  sizing.destroy();
  connection.destroy();
});

const nothingKnown = () => undefined;

describe('captured requests priced on the items as stored around them', () => {
  it('bills each write of a row on the larger of the row just before and just after it', async () => {
    const { dynamodb, documentClient } = connection.clients;
    const TableName = `bench-capture-${process.pid}-${Date.now().toString(36)}`;
    const created = await createProjectionTables(dynamodb, [tableSpec(TableName, 'orderId')]);
    expect(E.isRight(created)).toBe(true);
    const counter = countRequests(documentClient);
    const capture = captureRequests(documentClient, touchedItemSizes(sizing));
    const pad = (bytes: number) =>
      new UpdateCommand({
        TableName,
        Key: { orderId: 'a' },
        UpdateExpression: 'SET filler = :filler',
        ExpressionAttributeValues: { ':filler': 'x'.repeat(bytes) },
      });
    try {
      capture.reset(true);
      counter.reset();
      await documentClient.send(
        new PutCommand({ TableName, Item: { orderId: 'a', filler: 'x'.repeat(900) } }),
      );
      await documentClient.send(pad(1100)); // grows past 1 KB
      await documentClient.send(pad(10)); // shrinks back under it
      await documentClient.send(pad(10)); // stays small
      const priced = capture.requests().map((r) => unitsOf(r, nothingKnown).writeUnits);
      expect(priced).toEqual([1, 2, 2, 1]);
      // The reads that sized the items went through a client of their own: neither counted nor captured.
      expect(counter.total()).toBe(4);
      expect(capture.requests().map((r) => r.operation)).toEqual([
        'PutItem',
        'UpdateItem',
        'UpdateItem',
        'UpdateItem',
      ]);
      // Without sizes, an update is priced on what the fallback knows: here, its key alone.
      capture.reset();
      await documentClient.send(pad(1100));
      expect(capture.requests()[0]!.stored).toBeUndefined();
      expect(unitsOf(capture.requests()[0]!, nothingKnown).writeUnits).toBe(1);
    } finally {
      counter.detach();
      capture.detach();
    }
  });
});
