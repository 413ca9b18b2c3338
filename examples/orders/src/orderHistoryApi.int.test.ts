import { randomUUID } from 'node:crypto';
import { InMemoryDeadLetters } from '@sluice/projections';
import {
  createProjectionTables,
  dynamoDbProjectionStore,
  tableSpec,
} from '@sluice/projections/dynamodb';
import { connectDynamoDBLocal, deliverStream, InMemoryTable, ManualClock } from '@sluice/testing';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { orderHistoryOf } from './orderHistoryApi.js';
import { ordersHandler } from './ordersHandler.js';
import { orderProjectionTables, ordersTable } from './orderTables.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Endpoint of the run's DynamoDB Local, provided by the testing package's global setup. */
    dynamodbLocalEndpoint: string;
  }
}

const local = connectDynamoDBLocal(inject('dynamodbLocalEndpoint'));
afterAll(() => local.destroy());
const prefix = `orders-${randomUUID().slice(0, 8)}-`;
const deployed = (table: string) => `${prefix}${table}`;

describe('the Order History API on DynamoDB', () => {
  it('returns every change of one order, oldest first, with one Query', async () => {
    const created = await createProjectionTables(
      local.clients.dynamodb,
      orderProjectionTables.map((t) => tableSpec(deployed(t.tableName), t.partitionKey, t.sortKey)),
    );
    expect(E.isRight(created)).toBe(true);
    const orders = new InMemoryTable({ ...ordersTable, clock: new ManualClock() });
    orders.put({ orderId: 'o-1', lineId: 'l-1', quantity: 1, unitPrice: 900, status: 'open' });
    orders.put({ orderId: 'o-2', lineId: 'l-1', quantity: 1, unitPrice: 100, status: 'open' });
    orders.update({ orderId: 'o-1', lineId: 'l-1' }, { set: { status: 'shipped' } });
    orders.delete({ orderId: 'o-1', lineId: 'l-1' });
    const store = dynamoDbProjectionStore({
      client: local.clients.documentClient,
      tableName: deployed,
    });
    const handler = ordersHandler({ store, deadLetters: new InMemoryDeadLetters() });
    await deliverStream({ source: orders, handler, faults: { duplicateBatch: true } });

    const queries = local.clients.documentClient;
    const history = await orderHistoryOf(queries, 'o-1', deployed('orderHistory'));

    expect(E.isRight(history) && history.right.map((c) => c.eventName)).toEqual([
      'INSERT',
      'MODIFY',
      'REMOVE',
    ]);
    expect(E.isRight(history) && history.right[1]?.changedAttributes).toEqual(['status']);
  });
});
