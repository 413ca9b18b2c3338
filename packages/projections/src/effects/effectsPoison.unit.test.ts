import { deliverStream } from '@sluice/offline';
import { describe, expect, it } from 'vitest';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { effectsHandler } from './effectsHandler.js';
import { InMemoryIdempotencyStore } from './inMemoryIdempotencyStore.js';
import { effectRecorder } from './testSupport/effectRecorder.js';
import { linesTable, shippedEmails } from './testSupport/shippedLines.js';

const MAPPING = {
  BatchSize: 10,
  MaximumRetryAttempts: 2,
  FunctionResponseTypes: ['ReportBatchItemFailures'] as ['ReportBatchItemFailures'],
};

const tableWithPoison = () => {
  const table = linesTable([{ order: 1, line: 1, status: 'shipped', remove: false }]);
  table.put({ orderId: 'o9', lineId: 'l9', status: 7 }); // the codec wants a string
  table.put({ orderId: 'o2', lineId: 'l1', status: 'shipped' });
  return table;
};

describe('effectsHandler and poison records', () => {
  it('dead-letters a record the codec refuses and performs the effects around it', async () => {
    const recorder = effectRecorder(new InMemoryIdempotencyStore());
    const deadLetters = new InMemoryDeadLetters();
    const handler = effectsHandler({
      effects: shippedEmails,
      idempotency: recorder.store,
      perform: recorder.perform,
      deadLetters,
    });
    await deliverStream({ source: tableWithPoison(), handler, options: MAPPING });
    expect(recorder.performed).toHaveLength(2);
    expect(deadLetters.letters).toMatchObject([{ projection: 'shippedEmails', blocked: false }]);
  });

  it('without a dead-letter sink, the shard stops at the poison record: nothing after it is performed', async () => {
    const recorder = effectRecorder(new InMemoryIdempotencyStore());
    const handler = effectsHandler({
      effects: shippedEmails,
      idempotency: recorder.store,
      perform: recorder.perform,
    });
    const table = linesTable([]);
    // One order: one partition, one shard, so the shipped line comes after the poison record.
    table.put({ orderId: 'o9', lineId: 'l1', status: 7 });
    table.put({ orderId: 'o9', lineId: 'l2', status: 'shipped' });
    await deliverStream({
      source: table,
      handler,
      options: { ...MAPPING, ParallelizationFactor: 1 },
    });
    expect(recorder.performed).toEqual([]);
  });
});
