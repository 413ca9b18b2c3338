// A projection test as a user writes one, from the published packages only: writes to an
// in-memory table are delivered the way Lambda would (with duplicated batches and lost responses)
// to an order-history projection's Lambda handler. Compiled with tsc (strict, nodenext), then run.
import { strict as assert } from 'node:assert';
import { decodeRecord } from '@sluice/core';
import { InMemoryDeadLetters, InMemoryProjectionStore, orderHistory } from '@sluice/projections';
import { lambdaHandler } from '@sluice/projections/lambda';
import { deliverStream, InMemoryTable } from '@sluice/testing';
import * as t from 'io-ts';

const Order = t.type({ id: t.string, status: t.string });

const orders = new InMemoryTable({
  tableName: 'orders',
  partitionKey: { name: 'id', type: 'S' },
  streamViewType: 'NEW_AND_OLD_IMAGES',
});
orders.put({ id: 'order-1', status: 'NEW' });
orders.put({ id: 'order-1', status: 'PAID' });
orders.put({ id: 'order-2', status: 'NEW' });
orders.delete({ id: 'order-1' });

// core decodes what the in-memory stream produced, typed by the codec.
const [first] = orders.stream.records();
const decoded = decodeRecord({ item: Order, viewType: 'NEW_AND_OLD_IMAGES' }, first!);
assert.ok(decoded._tag === 'Right' && decoded.right.eventName === 'INSERT');
assert.equal(decoded.right.newImage.status, 'NEW');

const store = new InMemoryProjectionStore();
const deadLetters = new InMemoryDeadLetters();
const history = orderHistory({
  name: 'orderHistory',
  table: 'orderHistory',
  item: Order,
  viewType: 'NEW_AND_OLD_IMAGES',
  entityId: (event) => String(event.keys.id),
});
const report = await deliverStream({
  source: orders,
  handler: lambdaHandler({ projections: [history], store, deadLetters }),
  options: { BatchSize: 2, FunctionResponseTypes: ['ReportBatchItemFailures'] },
  faults: { seed: 7, duplicateBatch: 0.5, loseResponse: 0.5 },
});

// Redelivery happened, yet each change is one history row: exactly once in effect.
assert.ok(report.invocations > 2, `expected redeliveries, got ${report.invocations} invocations`);
const rows = await store.scan('orderHistory');
assert.deepEqual(rows.map((row) => `${row.entityId} ${row.eventName}`).sort(), [
  'order-1 INSERT',
  'order-1 MODIFY',
  'order-1 REMOVE',
  'order-2 INSERT',
]);
console.log(`projection smoke ok (${report.invocations} invocations)`);
