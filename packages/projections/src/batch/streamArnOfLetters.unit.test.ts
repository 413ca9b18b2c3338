import { describe, expect, it } from 'vitest';
import { InMemoryDeadLetterTable } from '../deadLetter/inMemoryDeadLetterTable.js';
import { InMemoryProjectionStore } from '../memory/inMemoryProjectionStore.js';
import { taskProjections } from '../testSupport/taskHistory.js';
import { processBatch } from './processBatch.js';

const STREAM_ARN =
  'arn:aws:dynamodb:eu-west-1:123456789012:table/Tasks/stream/2024-01-01T00:00:00.000';

describe('dead letters of Streams API records', () => {
  it('keep the stream and source table the runner named, since the record does not carry them', async () => {
    const letters = new InMemoryDeadLetterTable();
    const record = {
      eventID: 'e1',
      eventName: 'INSERT',
      dynamodb: {
        ApproximateCreationDateTime: new Date(1_700_000_000_000),
        Keys: { id: { S: 'a' } },
        NewImage: { id: { S: 'a' }, list: { S: 'l' }, points: { S: 'many' }, title: { S: 't' } },
        SequenceNumber: '100000000000000000001',
        SizeBytes: 1,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    };
    const settings = {
      projections: taskProjections(),
      store: new InMemoryProjectionStore(),
      deadLetters: letters,
      streamArn: STREAM_ARN,
      shardId: 'shardId-1',
    };
    expect(await processBatch(settings, [record])).toMatchObject({ _tag: 'BatchCompleted' });
    const stored = letters.letters();
    expect(stored.map((l) => l.projection)).toEqual(
      expect.arrayContaining(['listTotals', 'taskHistory']),
    );
    for (const letter of stored)
      expect([letter.streamArn, letter.sourceTable, letter.shardId]).toEqual([
        STREAM_ARN,
        'Tasks',
        'shardId-1',
      ]);
    expect(letters.letters()[0]!.record).toEqual(record);
  });
});
