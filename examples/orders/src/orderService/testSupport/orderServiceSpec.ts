import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createSourceTable, faultyDeliveries, given } from '@sluice/testing';
import { expect } from 'vitest';
import { orderProjections } from '../../orderProjections.js';
import { ordersTable } from '../../orderTables.js';
import { orderLines } from '../orderLines.js';

/** The clients of one backend: the in-process DynamoDB or DynamoDB Local. */
export interface Backend {
  readonly dynamodb: DynamoDBClient;
  readonly streams: DynamoDBStreamsClient;
}

/**
 * One scenario, two backends: the order service writes through its own DocumentClient, and the
 * orders projections, fed by faulty Lambda-like deliveries twice over, end exactly right.
 */
export const orderServiceSpec = async (backend: Backend, tableName: string, seed: number) => {
  const source = await createSourceTable({
    ...backend,
    tableName,
    partitionKey: ordersTable.partitionKey,
    ...(ordersTable.sortKey === undefined ? {} : { sortKey: ordersTable.sortKey }),
    streamViewType: ordersTable.streamViewType,
  });
  const service = orderLines(DynamoDBDocumentClient.from(backend.dynamodb), tableName);
  await service.add({ orderId: 'o-1', lineId: 'l-1', quantity: 2, unitPrice: 1250 });
  await service.add({ orderId: 'o-1', lineId: 'l-2', quantity: 1, unitPrice: 500 });
  await service.add({ orderId: 'o-2', lineId: 'l-1', quantity: 5, unitPrice: 100 });
  await service.changeQuantity('o-1', 'l-1', 3);
  await service.ship('o-1', 'l-1');
  await service.cancel('o-2', 'l-1');
  await service.remove('o-1', 'l-2');
  // The service's own rules hold too: a shipped line cannot be cancelled, a line not re-added.
  await expect(service.cancel('o-1', 'l-1')).rejects.toBeInstanceOf(
    ConditionalCheckFailedException,
  );
  await expect(
    service.add({ orderId: 'o-2', lineId: 'l-1', quantity: 1, unitPrice: 1 }),
  ).rejects.toBeInstanceOf(ConditionalCheckFailedException);

  await given(source)
    .when(orderProjections, { deliveries: faultyDeliveries(seed), times: 2 })
    .then({
      orderTotals: [
        { orderId: 'o-1', lines: 1, quantity: 3, amount: 3750 },
        { orderId: 'o-2', lines: 0, quantity: 0, amount: 0 },
      ],
    });
};
