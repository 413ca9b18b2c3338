import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import type { StreamRecordInput } from '../record/streamRecordInput.js';
import { lambdaRecord } from '../testSupport/streamRecordFixture.js';
import { decodeBatch } from './decodeBatch.js';

const Order = t.type({ id: t.string, quantity: t.number });
const decoder = { item: Order, viewType: 'NEW_IMAGE' } as const;

const record = (i: number, quantity: string) =>
  lambdaRecord({
    eventID: `event-${i}`,
    sequenceNumber: `${1000 + i}`.padStart(21, '0'),
    viewType: 'NEW_IMAGE',
    newImage: { id: { S: `order-${i}` }, quantity: { N: quantity } },
  });

describe('decodeBatch', () => {
  it('keeps input order and reports every failure, each with its record', () => {
    const records: StreamRecordInput[] = [
      record(0, '1'),
      record(1, 'x'),
      record(2, '3'),
      { ...record(3, '4'), eventName: 'TRUNCATE' },
      record(4, '5'),
    ];
    const batch = decodeBatch(decoder, records);
    expect(batch.results.map((r) => (E.isRight(r) ? r.right.eventId : r.left._tag))).toEqual([
      'event-0',
      'InvalidAttributeValue',
      'event-2',
      'UnknownEventName',
      'event-4',
    ]);
    expect(batch.events.map((e) => e.eventId)).toEqual(['event-0', 'event-2', 'event-4']);
    expect(batch.failures.map((f) => [f.eventId, f.sequenceNumber, f.record])).toEqual([
      ['event-1', '000000000000000001001', records[1]],
      ['event-3', '000000000000000001003', records[3]],
    ]);
  });

  it('decodes an empty batch to nothing', () => {
    expect(decodeBatch(decoder, [])).toEqual({ results: [], events: [], failures: [] });
  });

  it('reports a batch that is not a list instead of throwing', () => {
    const batch = decodeBatch(decoder, { Records: [] } as never);
    expect(batch.events).toEqual([]);
    expect(batch.failures).toMatchObject([
      {
        _tag: 'MalformedRecord',
        message: expect.stringContaining('expected an array of stream records'),
      },
    ]);
  });

  it('decodes holes and junk entries as failures, in place', () => {
    const batch = decodeBatch(decoder, [record(0, '1'), null, 'x'] as never);
    expect(batch.results.map((r) => r._tag)).toEqual(['Right', 'Left', 'Left']);
  });
});
