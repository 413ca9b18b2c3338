import { type Clock, ManualClock } from '@sluice/core';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { InMemoryTable } from '../table/inMemoryTable.js';
import { createEventSourceMapping, deliverStream } from './deliveryDriver.js';
import type { OnFailureRecord } from './onFailureRecord.js';
import { InvalidEventSourceMapping } from './resolveMappingOptions.js';

const newTable = (partitionCount = 1) =>
  new InMemoryTable({
    tableName: 'orders',
    partitionKey: { name: 'pk', type: 'S' },
    streamViewType: 'NEW_AND_OLD_IMAGES',
    clock: new ManualClock(),
    stream: { partitionCount },
  });

/** Writes `count` items `item-0`, `item-1`, …; returns their sequence numbers in order. */
const writeItems = (table: InMemoryTable, count: number, prefix = 'item'): string[] =>
  Array.from({ length: count }, (_, i) => {
    const { record } = table.put({ pk: `${prefix}-${i}`, n: i });
    return record?.dynamodb.SequenceNumber ?? '';
  });

const seqOf = (record: DynamoDBRecord): string => record.dynamodb?.SequenceNumber ?? '';

/** A handler that remembers every event it got. */
const recorder = (respond: (event: DynamoDBStreamEvent) => unknown = () => undefined) => {
  const events: string[][] = [];
  return {
    events,
    handler: async (event: DynamoDBStreamEvent) => {
      events.push(event.Records.map(seqOf));
      return respond(event) as DynamoDBBatchResponse | undefined;
    },
  };
};

describe('batching and starting position', () => {
  it('delivers every record once, in order, in batches of at most BatchSize', async () => {
    const table = newTable();
    const written = writeItems(table, 7);
    const { events, handler } = recorder();
    const report = await deliverStream({ source: table, handler, options: { BatchSize: 3 } });
    expect(events.map((e) => e.length)).toEqual([3, 3, 1]);
    expect(events.flat()).toEqual(written);
    expect(report).toMatchObject({
      invocations: 3,
      retries: 0,
      recordsRead: 7,
      recordsSucceeded: 7,
    });
  });

  it('delivers Lambda-shaped records: epoch-second times and the stream ARN', async () => {
    const table = newTable();
    table.put({ pk: 'a', bytes: new Uint8Array([1, 2]) });
    let seen: DynamoDBRecord | undefined;
    await deliverStream({
      source: table,
      handler: async (event) => {
        seen = event.Records[0];
      },
    });
    expect(seen?.eventSourceARN).toBe(table.stream.streamArn);
    expect(seen?.dynamodb?.ApproximateCreationDateTime).toBe(Date.UTC(2024, 0, 1) / 1000);
    expect(seen?.dynamodb?.NewImage?.bytes).toEqual({ B: 'AQI=' });
  });

  it('with LATEST skips what was written before the mapping existed', async () => {
    const table = newTable();
    writeItems(table, 3, 'before');
    const { events, handler } = recorder();
    const mapping = await createEventSourceMapping({
      source: table,
      handler,
      options: { StartingPosition: 'LATEST' },
    });
    const after = writeItems(table, 2, 'after');
    await mapping.drain();
    expect(events.flat()).toEqual(after);
  });

  it('keeps its position between drains, and delivers what the handler itself wrote', async () => {
    const table = newTable();
    writeItems(table, 2, 'first');
    const { events, handler } = recorder((event) => {
      for (const record of event.Records) {
        const pk = record.dynamodb?.Keys?.pk?.S ?? '';
        if (pk.startsWith('first')) table.put({ pk: `echo-${pk}` });
      }
    });
    const mapping = await createEventSourceMapping({ source: table, handler });
    expect((await mapping.drain()).recordsSucceeded).toBe(4);
    const later = writeItems(table, 1, 'later');
    const report = await mapping.drain();
    expect(report.recordsRead).toBe(1);
    expect(events.at(-1)).toEqual(later);
  });

  it('reports records trimmed before it could read them, and carries on from what is left', async () => {
    const table = newTable();
    const { events, handler } = recorder();
    const mapping = await createEventSourceMapping({ source: table, handler });
    writeItems(table, 2, 'early');
    await mapping.drain();
    writeItems(table, 1, 'lost');
    (table.clock as ManualClock).advance(25 * 3600 * 1000);
    const late = writeItems(table, 1, 'late');
    const report = await mapping.drain();
    expect(report).toMatchObject({ trimmedReads: 1, recordsRead: 1 });
    expect(events.at(-1)).toEqual(late);
  });

  it('a callback-style handler is awaited through its callback', async () => {
    const table = newTable();
    writeItems(table, 2);
    let calls = 0;
    const report = await deliverStream({
      source: table,
      handler: (_event, _context, callback) => {
        calls++;
        setImmediate(() => callback(calls === 1 ? new Error('first call fails') : null));
      },
    });
    expect(calls).toBe(2);
    expect(report.retries).toBe(1);
  });
});

describe('ReportBatchItemFailures', () => {
  const reportItems = { FunctionResponseTypes: ['ReportBatchItemFailures'] as const };

  it('retries from the lowest reported sequence number; every later record comes again', async () => {
    const table = newTable();
    const seq = writeItems(table, 5);
    let failed = false;
    const { events, handler } = recorder(() => {
      if (failed) return;
      failed = true;
      return {
        batchItemFailures: [{ itemIdentifier: seq[3] ?? '' }, { itemIdentifier: seq[1] ?? '' }],
      };
    });
    const report = await deliverStream({ source: table, handler, options: reportItems });
    expect(events).toEqual([seq, seq.slice(1)]);
    expect(report).toMatchObject({ retries: 1, recordsSucceeded: 5 });
    expect(report.batches[0]?.outcome).toEqual({ _tag: 'PartiallyFailed', firstFailed: 1 });
  });

  it('an empty batchItemFailures list, or no response, is success', async () => {
    const table = newTable();
    writeItems(table, 4);
    const { events, handler } = recorder((event) =>
      event.Records.length > 2 ? { batchItemFailures: [] } : undefined,
    );
    const report = await deliverStream({
      source: table,
      handler,
      options: { ...reportItems, BatchSize: 3 },
    });
    expect(events.map((e) => e.length)).toEqual([3, 1]);
    expect(report.retries).toBe(0);
  });

  it.each([
    ['an empty identifier', ''],
    ['a missing identifier', undefined],
    ['an identifier not in the batch', '999999999999999999999999'],
  ])('%s fails the whole batch', async (_name, itemIdentifier) => {
    const table = newTable();
    const seq = writeItems(table, 3);
    let calls = 0;
    const { events, handler } = recorder(() =>
      calls++ === 0
        ? ({ batchItemFailures: [{ itemIdentifier }] } as DynamoDBBatchResponse)
        : undefined,
    );
    const report = await deliverStream({ source: table, handler, options: reportItems });
    expect(events).toEqual([seq, seq]);
    expect(report.batches[0]?.outcome).toMatchObject({
      _tag: 'Failed',
      reason: 'MalformedResponse',
    });
  });

  it('is ignored unless FunctionResponseTypes asks for it', async () => {
    const table = newTable();
    const seq = writeItems(table, 3);
    const { events, handler } = recorder(() => ({
      batchItemFailures: [{ itemIdentifier: seq[0] ?? '' }],
    }));
    await deliverStream({ source: table, handler });
    expect(events).toEqual([seq]);
  });
});

describe('errors, bisection, retries and the on-failure destination', () => {
  it('a thrown error retries the whole batch', async () => {
    const table = newTable();
    const seq = writeItems(table, 3);
    let calls = 0;
    const { events, handler } = recorder(() => {
      if (calls++ < 2) throw new Error('boom');
    });
    const report = await deliverStream({ source: table, handler });
    expect(events).toEqual([seq, seq, seq]);
    expect(report.retries).toBe(2);
    expect(report.batches[0]?.outcome).toMatchObject({ _tag: 'Failed', reason: 'Threw' });
  });

  it('bisects a failing batch until the poison record is alone, then retries and discards it', async () => {
    const table = newTable();
    const seq = writeItems(table, 8);
    const poison = seq[2];
    const { events, handler } = recorder((event) => {
      if (event.Records.some((r) => seqOf(r) === poison)) throw new Error('poison');
    });
    const discarded: OnFailureRecord[] = [];
    const report = await deliverStream({
      source: table,
      handler,
      options: { BisectBatchOnFunctionError: true, MaximumRetryAttempts: 1 },
      onFailure: (record) => {
        discarded.push(record);
      },
    });
    expect(events.map((e) => e.length)).toEqual([8, 4, 2, 2, 1, 1, 1, 4]);
    expect(events[4]).toEqual([poison]);
    expect(events[5]).toEqual([poison]);
    expect(report).toMatchObject({ bisections: 3, recordsDiscarded: 1, recordsSucceeded: 7 });
    expect(discarded.map((d) => d.DDBStreamBatchInfo.startSequenceNumber)).toEqual([poison]);
  });

  it('sends the DESIGN.md failure record once the retries are used up', async () => {
    const table = newTable();
    const seq = writeItems(table, 3);
    const discarded: OnFailureRecord[] = [];
    const report = await deliverStream({
      source: table,
      handler: async () => {
        throw new Error('always');
      },
      options: { MaximumRetryAttempts: 2 },
      functionName: 'projector',
      onFailure: (record) => {
        discarded.push(record);
      },
    });
    expect(report).toMatchObject({
      invocations: 3,
      retries: 2,
      recordsDiscarded: 3,
      recordsSucceeded: 0,
    });
    expect(report.onFailure).toEqual(discarded);
    expect(discarded).toEqual([
      {
        requestContext: {
          requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:projector',
          condition: 'RetryAttemptsExhausted',
          approximateInvokeCount: 3,
        },
        responseContext: {
          statusCode: 200,
          executedVersion: '$LATEST',
          functionError: 'Unhandled',
        },
        version: '1.0',
        timestamp: expect.stringMatching(/^2024-01-01T00:00:\d\d\.\d{3}Z$/),
        DDBStreamBatchInfo: {
          shardId: table.stream.openShardIds()[0],
          startSequenceNumber: seq[0],
          endSequenceNumber: seq[2],
          approximateArrivalOfFirstRecord: '2024-01-01T00:00:00Z',
          approximateArrivalOfLastRecord: '2024-01-01T00:00:00Z',
          batchSize: 3,
          streamArn: table.stream.streamArn,
        },
      },
    ]);
  });

  it('after a partial failure the failure record covers the failed records, without functionError', async () => {
    const table = newTable();
    const seq = writeItems(table, 4);
    const report = await deliverStream({
      source: table,
      handler: async () => ({ batchItemFailures: [{ itemIdentifier: seq[2] ?? '' }] }),
      options: {
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        MaximumRetryAttempts: 0,
        BatchSize: 4,
      },
    });
    expect(report.recordsSucceeded).toBe(2);
    expect(report.onFailure[0]?.DDBStreamBatchInfo).toMatchObject({
      startSequenceNumber: seq[2],
      endSequenceNumber: seq[3],
      batchSize: 2,
    });
    expect(report.onFailure[0]?.responseContext).toEqual({
      statusCode: 200,
      executedVersion: '$LATEST',
    });
  });

  it('discards records older than MaximumRecordAgeInSeconds, the retry delays ageing them', async () => {
    const table = newTable();
    writeItems(table, 2);
    const report = await deliverStream({
      source: table,
      handler: async () => {
        throw new Error('always');
      },
      options: { MaximumRecordAgeInSeconds: 60 },
    });
    // Tries at 0, 1, 3, 7, 15 and 31 s; the next would be at 63 s, past the maximum age.
    expect(report.invocations).toBe(6);
    expect(report.onFailure.map((r) => r.requestContext.condition)).toEqual(['RecordAgeExceeded']);
    expect(report.recordsDiscarded).toBe(2);
  });

  it('with unlimited retries and age, a failing batch is retried until the 24-hour retention', async () => {
    const table = newTable();
    writeItems(table, 1);
    const clock = table.clock as ManualClock;
    const report = await deliverStream({
      source: table,
      handler: async () => {
        throw new Error('always');
      },
    });
    expect(report.onFailure.map((r) => r.requestContext.condition)).toEqual(['RecordAgeExceeded']);
    expect(clock.now() - Date.UTC(2024, 0, 1)).toBeGreaterThan(24 * 3600 * 1000);
    expect(report.invocations).toBeGreaterThan(1000);
  });

  it('stops a drain that can never finish instead of spinning forever', async () => {
    const table = newTable();
    writeItems(table, 1);
    const frozen: Clock = { now: () => Date.UTC(2024, 0, 1), sleep: async () => {} };
    await expect(
      deliverStream({
        source: table,
        clock: frozen,
        maxInvocationsPerDrain: 50,
        handler: async () => {
          throw new Error('always');
        },
      }),
    ).rejects.toThrow(/more than 50 times/);
  });

  it.each([
    [{ BatchSize: 0 }, /BatchSize/],
    [{ BatchSize: 10_001 }, /BatchSize/],
    [{ ParallelizationFactor: 11 }, /ParallelizationFactor/],
    [{ MaximumRecordAgeInSeconds: 30 }, /MaximumRecordAgeInSeconds/],
    [{ MaximumRetryAttempts: -2 }, /MaximumRetryAttempts/],
  ])('refuses settings Lambda refuses: %o', async (options, message) => {
    const table = newTable();
    await expect(
      createEventSourceMapping({ source: table, handler: async () => {}, options }),
    ).rejects.toThrow(InvalidEventSourceMapping);
    await expect(
      createEventSourceMapping({ source: table, handler: async () => {}, options }),
    ).rejects.toThrow(message);
  });
});
