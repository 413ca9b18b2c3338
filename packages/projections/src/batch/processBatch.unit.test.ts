import { filterPattern } from '@sluice/core';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../builtins/aggregate.js';
import { InMemoryDeadLetters } from '../deadLetter/inMemoryDeadLetters.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import type { Projection } from '../projection/projection.js';
import { changeEvent } from '../testSupport/changeEvents.js';
import { incoming } from '../testSupport/deliveries.js';
import { lambdaRecord } from '../testSupport/lambdaRecords.js';
import { taskHistory, taskOps, taskProjections } from '../testSupport/taskHistory.js';
import { processBatch } from './processBatch.js';
import { processRecords } from './processRecords.js';

const setup = (projections: readonly Projection[] = taskProjections()) => ({
  projections,
  store: new InMemoryProjectionStore(),
  deadLetters: new InMemoryDeadLetters(),
});
const task = (id: string, list: string, points: unknown = 1) => ({ id, list, points, title: 'x' });
const insert = (sequence: number, id: string, list = 'l1', points: unknown = 1) =>
  changeEvent({ eventName: 'INSERT', keys: { id }, sequence, newImage: task(id, list, points) });

describe('processBatch', () => {
  it('raw Lambda records give exactly the tables their decoded events give', async () => {
    await fc.assert(
      fc.asyncProperty(taskOps({ tasks: 8, lists: 3, maxLength: 40 }), async (ops) => {
        const events = taskHistory(ops, 1).shards[0]!;
        const raw = setup();
        const decoded = setup();
        expect(await processBatch(raw, events.map(lambdaRecord))).toMatchObject({
          _tag: 'BatchCompleted',
        });
        await processRecords(decoded, incoming(events));
        expect(raw.store.tables()).toEqual(decoded.store.tables());
      }),
      { numRuns: 100 },
    );
  });

  it('a record that does not decode is poison for every projection, named by eventID and sequence number', async () => {
    const settings = setup();
    const bad = lambdaRecord(insert(2, 'b')) as { dynamodb: { NewImage: Record<string, unknown> } };
    bad.dynamodb.NewImage.points = { N: 'lots' };
    const result = await processBatch(settings, [lambdaRecord(insert(1, 'a')), bad]);
    expect(result).toMatchObject({ _tag: 'BatchCompleted', processed: 2 });
    expect(settings.deadLetters.letters).toMatchObject([
      {
        projection: undefined,
        eventId: 'ev-2',
        sequenceNumber: insert(2, 'b').sequenceNumber,
        reason: { _tag: 'InvalidAttributeValue' },
        record: bad,
      },
    ]);
    expect(settings.store.tables().history).toHaveLength(1);
  });

  it('an image a codec rejects is poison for the projections using that codec only', async () => {
    const Loose = t.type({ list: t.string });
    const looseCount = aggregate({
      name: 'loose',
      table: 'loose',
      markerTable: 'markers',
      item: Loose,
      viewType: 'NEW_IMAGE',
      group: (item) => ({ list: item.list }),
    });
    const settings = setup([...taskProjections(), looseCount]);
    await processBatch(settings, [lambdaRecord(insert(1, 'a', 'l1', 'three'))]);
    expect(settings.deadLetters.letters.map((l) => [l.projection, l.reason._tag])).toEqual([
      ['taskHistory', 'ImageDecodeFailure'],
      ['listTotals', 'ImageDecodeFailure'],
      ['taskArchive', 'ImageDecodeFailure'],
    ]);
    expect(settings.store.tables().loose).toEqual([{ list: 'l1', count: 1 }]);
  });

  it('filters on the raw record, as Lambda does', async () => {
    const onlyL2 = E.getOrElseW(() => {
      throw new Error('invalid pattern');
    })(filterPattern({ dynamodb: { NewImage: { list: { S: ['l2'] } } } }));
    const [history] = taskProjections();
    const filtered = { ...history!, accepts: onlyL2.matches, filter: onlyL2 };
    const settings = setup([filtered]);
    const result = await processBatch(
      settings,
      [insert(1, 'a', 'l1'), insert(2, 'b', 'l2')].map(lambdaRecord),
    );
    expect(result).toMatchObject({ _tag: 'BatchCompleted', processed: 2 });
    expect(settings.store.tables().history).toMatchObject([{ entityId: 'b' }]);
  });

  it('decodes Streams API records (Date times, no eventSourceARN) with the stream ARN given', async () => {
    const settings = { ...setup(), streamArn: 'arn:aws:dynamodb:eu-west-1:1:table/Tasks/stream/x' };
    const { eventSourceARN: _, ...record } = lambdaRecord(insert(1, 'a'));
    const streamsApi = {
      ...record,
      dynamodb: {
        ...(record.dynamodb as object),
        ApproximateCreationDateTime: new Date(1_700_000_001_000),
      },
    };
    expect(await processBatch(settings, [streamsApi])).toMatchObject({ _tag: 'BatchCompleted' });
    expect(settings.deadLetters.letters).toEqual([]);
    expect(settings.store.tables().history).toMatchObject([{ at: '2023-11-14T22:13:21.000Z' }]);
  });
});
