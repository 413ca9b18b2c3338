import { createProjectionTables } from '@sluice/projections/dynamodb';
import {
  dynamoDbIdempotencyStore,
  effectsHandler,
  type PlannedEffect,
} from '@sluice/projections/effects';
import { deliverStream, InMemoryTable, InProcessDynamoDB, ManualClock } from '@sluice/testing';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { ordersTable } from '../orderTables.js';
import { orderEffectsTable, type ShippedEmail, shippedEmails } from './shippedEmails.js';

const MAPPING = {
  BatchSize: 2,
  BisectBatchOnFunctionError: true,
  MaximumRetryAttempts: -1,
  ParallelizationFactor: 2,
  FunctionResponseTypes: ['ReportBatchItemFailures'] as ['ReportBatchItemFailures'],
};

const line = (orderId: string, lineId: string, status: string) => ({
  orderId,
  lineId,
  quantity: 1,
  unitPrice: 100,
  status,
});

describe('shippedEmails', () => {
  it('e-mails the customer once per shipped line, whatever Lambda redelivers (idempotency table on DynamoDB)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), async (seed) => {
        const orders = new InMemoryTable({
          ...ordersTable,
          clock: new ManualClock(),
          stream: { partitionCount: 4 },
        });
        for (let i = 0; i < 6; i++) orders.put(line(`o${i % 3}`, `l${i}`, 'open'));
        for (let i = 0; i < 6; i += 2) orders.put(line(`o${i % 3}`, `l${i}`, 'shipped'));
        orders.put(line('o1', 'l1', 'cancelled'));
        orders.put(line('o0', 'l0', 'shipped')); // unchanged: no record, no e-mail

        const dynamodb = new InProcessDynamoDB();
        const created = await createProjectionTables(dynamodb.client(), [orderEffectsTable]);
        if (E.isLeft(created)) throw new Error(created.left.message);
        const sent: PlannedEffect<ShippedEmail>[] = [];
        let calls = 0;
        const handler = effectsHandler({
          effects: shippedEmails,
          idempotency: dynamoDbIdempotencyStore({
            client: dynamodb.documentClient(),
            tableName: orderEffectsTable.tableName,
          }),
          perform: async (email) => {
            calls++;
            if (calls % 3 === 0) throw new Error('mailer unavailable'); // sent nothing
            sent.push(email);
          },
        });
        await deliverStream({
          source: orders,
          handler,
          options: MAPPING,
          faults: {
            seed,
            duplicateBatch: 0.5,
            loseResponse: 0.5,
            regroupRetries: 0.5,
            interleaveShards: true,
          },
        });

        expect(
          sent.map((email) => `${email.payload.orderId}/${email.payload.lineId}`).sort(),
        ).toEqual(['o0/l0', 'o1/l4', 'o2/l2']);
        const records = dynamodb.table(orderEffectsTable.tableName).scan().items;
        expect(records.map((record) => record.status)).toEqual(['DONE', 'DONE', 'DONE']);
      }),
      { numRuns: 10 },
    );
  });
});
