import { InMemoryTable, toLambdaEvent } from '@sluice/offline';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import { taskProjections } from '../testSupport/taskHistory.js';
import { lambdaHandler } from './lambdaHandler.js';

const context = {} as Context;

const tasksTable = () =>
  new InMemoryTable({
    tableName: 'tasks',
    partitionKey: { name: 'id', type: 'S' },
    streamViewType: 'NEW_AND_OLD_IMAGES',
  });

const setup = (poison: 'skip' | 'block' = 'skip') => {
  const store = new InMemoryProjectionStore();
  const deadLetters = new InMemoryDeadLetters();
  const handler = lambdaHandler({ projections: taskProjections(), store, deadLetters, poison });
  return { store, deadLetters, handler };
};

const eventOf = (table: InMemoryTable) =>
  toLambdaEvent(table.stream.records(), table.stream.streamArn);

const totals = (store: InMemoryProjectionStore) =>
  Object.fromEntries((store.tables().totals ?? []).map((row) => [row.list, row.count]));

describe('lambdaHandler', () => {
  it('applies a batch and reports no failures', async () => {
    const table = tasksTable();
    table.put({ id: 'a', list: 'l1', points: 1, title: 'x' });
    table.put({ id: 'b', list: 'l1', points: 2, title: 'y' });
    table.put({ id: 'a', list: 'l2', points: 1, title: 'x' });
    const { store, handler } = setup();
    expect(await handler(eventOf(table), context)).toEqual({ batchItemFailures: [] });
    expect(totals(store)).toMatchObject({ l1: 1, l2: 1 });
    expect(store.tables().history).toHaveLength(3);
  });

  it('reports the first record it could not apply, and a retry from there ends as one clean pass', async () => {
    const table = tasksTable();
    for (const id of ['a', 'b', 'c', 'd']) table.put({ id, list: 'l1', points: 1, title: id });
    const event = eventOf(table);
    const { store, handler } = setup();
    store.failAfter(2, 'fail');
    const response = await handler(event, context);
    const sequenceNumbers = event.Records.map((r) => r.dynamodb?.SequenceNumber);
    expect(response.batchItemFailures).toHaveLength(1);
    const failedAt = sequenceNumbers.indexOf(response.batchItemFailures[0]?.itemIdentifier);
    expect(failedAt).toBeGreaterThanOrEqual(0);
    expect(failedAt).toBeLessThan(4);
    // Every record before the reported one is fully applied.
    const historyIds = (store.tables().history ?? []).map((row) => row.entityId);
    expect(historyIds).toEqual(expect.arrayContaining(['a', 'b', 'c', 'd'].slice(0, failedAt)));
    // Lambda retries from the reported record: the tables end as after one clean pass.
    const retried = { Records: event.Records.slice(failedAt) };
    expect(await handler(retried, context)).toEqual({ batchItemFailures: [] });
    const clean = setup();
    await clean.handler(event, context);
    expect(store.tables()).toEqual(clean.store.tables());
  });

  it('sends a poison record to the dead-letter sink and moves on, or stops there when told to block', async () => {
    const table = tasksTable();
    table.put({ id: 'a', list: 'l1', points: 1, title: 'x' });
    table.put({ id: 'b', list: 'l1', points: 'many', title: 'bad points' });
    table.put({ id: 'c', list: 'l1', points: 1, title: 'z' });
    const event = eventOf(table);

    const skipping = setup('skip');
    expect(await skipping.handler(event, context)).toEqual({ batchItemFailures: [] });
    expect(skipping.deadLetters.letters.map((l) => l.sequenceNumber)).toContain(
      event.Records[1]?.dynamodb?.SequenceNumber,
    );
    expect(totals(skipping.store)).toEqual({ l1: 2 });

    const blocking = setup('block');
    expect(await blocking.handler(event, context)).toEqual({
      batchItemFailures: [{ itemIdentifier: event.Records[1]?.dynamodb?.SequenceNumber }],
    });
    expect(totals(blocking.store)).toEqual({ l1: 1 });
  });

  it('keeps an event without a Records array as a dead letter instead of dropping it', async () => {
    const { deadLetters, handler } = setup();
    const response = await handler({ nonsense: true } as never, context);
    expect(response).toEqual({ batchItemFailures: [] });
    expect(deadLetters.letters).toMatchObject([{ reason: { _tag: 'MalformedEvent' } }]);
  });

  it('exposes the recommended event source mapping, with partial batch responses on', () => {
    const { handler } = setup();
    expect(handler.recommendedEventSourceMapping).toMatchObject({
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      StartingPosition: 'TRIM_HORIZON',
    });
    // The task projections read every record: no filter criteria.
    expect(handler.filterCriteria).toBeUndefined();
    expect(handler.recommendedEventSourceMapping.FilterCriteria).toBeUndefined();
  });
});
