import { ManualClock } from '@sluice/core';
import { describe, expect, it } from 'vitest';
import { InMemoryTable } from './inMemoryTable.js';

const sessions = (clock: ManualClock) =>
  new InMemoryTable({
    tableName: 'sessions',
    partitionKey: { name: 'id', type: 'S' },
    streamViewType: 'NEW_AND_OLD_IMAGES',
    timeToLiveAttribute: 'expiresAt',
    clock,
  });

describe('TTL sweep', () => {
  it('deletes items whose TTL is at or before now, with REMOVE records from the DynamoDB service', () => {
    const clock = new ManualClock(new Date('2024-01-01T00:00:00Z'));
    const table = sessions(clock);
    const now = clock.now() / 1000;
    table.put({ id: 'a', expiresAt: now + 60 });
    table.put({ id: 'b', expiresAt: now + 120 });
    table.put({ id: 'c', expiresAt: 'not a number' });
    table.put({ id: 'd' });
    expect(table.sweepTtl()).toEqual([]);
    clock.advance(60_000);
    const removed = table.sweepTtl();
    expect(removed.map((r) => r.oldItem?.id?.S)).toEqual(['a']);
    const record = table.stream.records().at(-1);
    expect(record).toMatchObject({
      eventName: 'REMOVE',
      userIdentity: { PrincipalId: 'dynamodb.amazonaws.com', Type: 'Service' },
      dynamodb: {
        Keys: { id: { S: 'a' } },
        OldImage: { id: { S: 'a' }, expiresAt: { N: String(now + 60) } },
      },
    });
    clock.advance(3_600_000);
    table.sweepTtl();
    expect(
      table
        .scanAll()
        .map((i) => i.id)
        .sort(),
    ).toEqual(['c', 'd']);
  });

  it('leaves ordinary deletes without a userIdentity', () => {
    const table = sessions(new ManualClock());
    table.put({ id: 'a' });
    table.delete({ id: 'a' });
    expect(table.stream.records().at(-1)).not.toHaveProperty('userIdentity');
  });

  it('ignores TTL values more than five years in the past, as AWS does', () => {
    const clock = new ManualClock(new Date('2024-01-01T00:00:00Z'));
    const table = sessions(clock);
    table.put({ id: 'ancient', expiresAt: 1 });
    table.put({ id: 'recent', expiresAt: clock.now() / 1000 - 86_400 });
    expect(table.sweepTtl().map((r) => r.oldItem?.id?.S)).toEqual(['recent']);
  });
});
