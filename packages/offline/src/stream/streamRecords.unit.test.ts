import type { StreamViewType } from '@sluice/core';
import { ManualClock } from '@sluice/core';
import { describe, expect, it } from 'vitest';
import { InMemoryTable } from '../table/inMemoryTable.js';

const tableWith = (streamViewType: StreamViewType, clock = new ManualClock()) =>
  new InMemoryTable({
    tableName: 'items',
    partitionKey: { name: 'pk', type: 'S' },
    streamViewType,
    clock,
    region: 'eu-west-1',
    accountId: '123456789012',
    stream: { partitionCount: 1 }, // sequence numbers increase along one shard
  });

/** INSERT, MODIFY, REMOVE of one item, as in DynamoDB Local probe runs. */
const lifecycle = (table: InMemoryTable) => {
  table.putItem({ pk: { S: 'k1' }, a: { S: 'hello' } });
  table.putItem({ pk: { S: 'k1' }, a: { S: 'héllo€' } });
  table.deleteItem({ pk: { S: 'k1' } });
  return table.stream.records();
};

const imagesOf = (view: StreamViewType) =>
  lifecycle(tableWith(view)).map((r) =>
    [
      r.eventName,
      'Keys' in r.dynamodb && 'Keys',
      r.dynamodb.NewImage && 'NewImage',
      r.dynamodb.OldImage && 'OldImage',
    ]
      .filter(Boolean)
      .join(' '),
  );

describe('stream records', () => {
  it('carry the images each view type defines', () => {
    expect(imagesOf('KEYS_ONLY')).toEqual(['INSERT Keys', 'MODIFY Keys', 'REMOVE Keys']);
    expect(imagesOf('NEW_IMAGE')).toEqual([
      'INSERT Keys NewImage',
      'MODIFY Keys NewImage',
      'REMOVE Keys',
    ]);
    expect(imagesOf('OLD_IMAGE')).toEqual([
      'INSERT Keys',
      'MODIFY Keys OldImage',
      'REMOVE Keys OldImage',
    ]);
    expect(imagesOf('NEW_AND_OLD_IMAGES')).toEqual([
      'INSERT Keys NewImage',
      'MODIFY Keys NewImage OldImage',
      'REMOVE Keys OldImage',
    ]);
  });

  it('carry the images themselves: the item after and before the change', () => {
    const [insert, modify, remove] = lifecycle(tableWith('NEW_AND_OLD_IMAGES'));
    expect(insert?.dynamodb.Keys).toEqual({ pk: { S: 'k1' } });
    expect(insert?.dynamodb.NewImage).toEqual({ pk: { S: 'k1' }, a: { S: 'hello' } });
    expect(modify?.dynamodb.OldImage).toEqual({ pk: { S: 'k1' }, a: { S: 'hello' } });
    expect(modify?.dynamodb.NewImage).toEqual({ pk: { S: 'k1' }, a: { S: 'héllo€' } });
    expect(remove?.dynamodb.OldImage).toEqual({ pk: { S: 'k1' }, a: { S: 'héllo€' } });
  });

  it('report SizeBytes exactly as DynamoDB Local does for every view type', () => {
    // Figures read from DynamoDB Local 3.3 for the same three writes.
    const sizes = (view: StreamViewType) =>
      lifecycle(tableWith(view)).map((r) => r.dynamodb.SizeBytes);
    expect(sizes('KEYS_ONLY')).toEqual([4, 4, 4]);
    expect(sizes('NEW_IMAGE')).toEqual([14, 18, 4]);
    expect(sizes('OLD_IMAGE')).toEqual([4, 14, 18]);
    expect(sizes('NEW_AND_OLD_IMAGES')).toEqual([14, 28, 18]);
  });

  it('are not emitted for puts of identical items, no-op updates or deletes of missing items', () => {
    const table = tableWith('NEW_AND_OLD_IMAGES');
    table.putItem({
      pk: { S: 'a' },
      n: { N: '1.50' },
      s: { SS: ['y', 'x'] },
      m: { M: { b: { N: '1' }, a: { L: [] } } },
    });
    table.putItem({
      pk: { S: 'a' },
      m: { M: { a: { L: [] }, b: { N: '1.0' } } },
      s: { SS: ['x', 'y'] },
      n: { N: '15e-1' },
    });
    table.updateItem({ pk: { S: 'a' } }, { set: { n: { N: '1.5' } }, remove: ['nothing'] });
    table.updateItem({ pk: { S: 'a' } }, { add: { n: { N: '0' }, s: { SS: ['x'] } } });
    table.updateItem({ pk: { S: 'a' } }, { delete: { s: { SS: ['z'] } } });
    table.deleteItem({ pk: { S: 'missing' } });
    expect(table.stream.records().map((r) => r.eventName)).toEqual(['INSERT']);
  });

  it('are emitted again when an item is re-inserted after a delete', () => {
    const table = tableWith('KEYS_ONLY');
    table.put({ pk: 'a' });
    table.delete({ pk: 'a' });
    table.put({ pk: 'a' });
    expect(table.stream.records().map((r) => r.eventName)).toEqual(['INSERT', 'REMOVE', 'INSERT']);
  });

  it('carry the fixed fields, a unique eventID, increasing 21-digit sequence numbers and second-precision times', () => {
    const clock = new ManualClock(new Date('2024-03-04T05:06:07.890Z'));
    const table = tableWith('NEW_IMAGE', clock);
    for (let i = 0; i < 50; i++) {
      table.put({ pk: `k${i % 7}`, i });
      clock.advance(123);
    }
    const records = table.stream.records();
    expect(records).toHaveLength(50);
    expect(new Set(records.map((r) => r.eventID)).size).toBe(50);
    for (const [i, record] of records.entries()) {
      expect(record).toMatchObject({
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: 'eu-west-1',
      });
      expect(record.eventID).toMatch(/^[0-9a-f]{16}\d{21}$/);
      expect(record.dynamodb.SequenceNumber).toMatch(/^\d{21}$/);
      expect(record.dynamodb.StreamViewType).toBe('NEW_IMAGE');
      expect(record.dynamodb.ApproximateCreationDateTime.getTime() % 1000).toBe(0);
      const previous = records[i - 1];
      if (previous)
        expect(BigInt(record.dynamodb.SequenceNumber)).toBeGreaterThan(
          BigInt(previous.dynamodb.SequenceNumber),
        );
    }
    expect(records[0]?.dynamodb.ApproximateCreationDateTime.toISOString()).toBe(
      '2024-03-04T05:06:07.000Z',
    );
  });

  it('name the stream with an ARN built from region, account, table and label', () => {
    const table = tableWith('KEYS_ONLY', new ManualClock(new Date('2024-01-02T03:04:05.678Z')));
    expect(table.tableArn).toBe('arn:aws:dynamodb:eu-west-1:123456789012:table/items');
    expect(table.stream.streamArn).toBe(
      'arn:aws:dynamodb:eu-west-1:123456789012:table/items/stream/2024-01-02T03:04:05.678',
    );
  });

  it('are frozen and share the table item, so readers cannot corrupt the stream or the table', () => {
    const table = tableWith('NEW_IMAGE');
    const { record } = table.putItem({ pk: { S: 'a' }, list: { L: [{ S: 'x' }] } });
    expect(Object.isFrozen(record)).toBe(true);
    expect(Object.isFrozen(record?.dynamodb)).toBe(true);
    expect(Object.isFrozen(record?.dynamodb.NewImage?.list?.L)).toBe(true);
    expect(record?.dynamodb.NewImage).toBe(table.getItem({ pk: { S: 'a' } }));
  });

  it('exist only on tables created with a view type', () => {
    const table = new InMemoryTable({
      tableName: 'plain',
      partitionKey: { name: 'pk', type: 'S' },
    });
    expect(table.hasStream).toBe(false);
    expect(table.put({ pk: 'a' }).record).toBeUndefined();
    expect(() => table.stream).toThrow(/no stream/);
  });
});
