import { describe, expect, it } from 'vitest';
import {
  largerStored,
  readUnitsOf,
  type StoredBytes,
  unitsOf,
  writeUnitsOf,
} from './capacityUnits.js';
import { itemBytes } from './itemBytes.js';
import { powertoolsIdempotencyUnits } from './powertoolsIdempotency.js';

const nothingStored: StoredBytes = () => undefined;
const big = { S: 'x'.repeat(1500) };

describe('item sizes by DynamoDB’s rules', () => {
  it('count names, string bytes, number digits, and 3 + 1 per element for lists and maps', () => {
    expect(itemBytes({ id: { S: 'abc' }, n: { N: '123' } })).toBe(2 + 3 + 1 + 3);
    expect(itemBytes({ l: { L: [{ BOOL: true }, { NULL: true }] } })).toBe(1 + 3 + 2 + 2);
    expect(itemBytes({ m: { M: { ab: { S: 'é' } } } })).toBe(1 + 3 + 1 + 2 + 2);
    expect(itemBytes({ s: { SS: ['a', 'bc'] } })).toBe(1 + 3);
  });
});

describe('capacity units of a request', () => {
  it('rounds writes up to whole KB and reads to 4 KB, halving eventually consistent reads', () => {
    expect([writeUnitsOf(0), writeUnitsOf(1024), writeUnitsOf(1025)]).toEqual([1, 1, 2]);
    expect([readUnitsOf(10, true), readUnitsOf(10, false), readUnitsOf(4097, true)]).toEqual([
      1, 0.5, 2,
    ]);
  });

  it('doubles every action of a transaction, condition checks included', () => {
    const units = unitsOf(
      {
        operation: 'TransactWriteItems',
        body: {
          TransactItems: [
            { Put: { TableName: 't', Item: { id: { S: 'a' }, big } } },
            { Update: { TableName: 't', Key: { id: { S: 'b' } } } },
            { ConditionCheck: { TableName: 't', Key: { id: { S: 'c' } } } },
          ],
        },
      },
      nothingStored,
    );
    expect(units).toEqual({ requests: 1, writeUnits: 2 * 2 + 2 + 2, readUnits: 0 });
  });

  it('bills an update on the stored item and a batch read per key', () => {
    const stored: StoredBytes = (_table, key) => (key.id?.S === 'wide' ? 2500 : 100);
    const update = { TableName: 't', Key: { id: { S: 'wide' } } };
    expect(unitsOf({ operation: 'UpdateItem', body: update }, stored).writeUnits).toBe(3);
    const keys = [{ id: { S: 'a' } }, { id: { S: 'b' } }, { id: { S: 'c' } }];
    const read = (ConsistentRead: boolean) =>
      unitsOf(
        {
          operation: 'BatchGetItem',
          body: { RequestItems: { t: { Keys: keys, ConsistentRead } } },
        },
        stored,
      ).readUnits;
    expect([read(true), read(false)]).toEqual([3, 1.5]);
  });

  it('bills an update of a group row on the larger of the row just before and just after it', () => {
    // A row holding markers grows (a line's first marker) or shrinks (a removed line's dropped).
    const sizes =
      (bytes: Record<string, number>): StoredBytes =>
      (_table, key) =>
        bytes[key.orderId!.S!];
    const before = sizes({ grows: 900, shrinks: 1100, same: 2100 });
    const after = sizes({ grows: 1100, shrinks: 900, same: 2100, created: 300 });
    const update = (orderId: string) =>
      unitsOf(
        {
          operation: 'UpdateItem',
          body: { TableName: 't', Key: { orderId: { S: orderId } } },
          stored: largerStored(before, after),
        },
        () => 5000,
      ).writeUnits;
    expect(['grows', 'shrinks', 'same', 'created'].map(update)).toEqual([2, 2, 3, 1]);
  });

  it('prices Powertools idempotency at a put and an update per record', () => {
    const units = powertoolsIdempotencyUnits(1000);
    expect(Object.values(units).map((u) => [u.requests, u.writeUnits])).toEqual([
      [1000, 1000],
      [1000, 1000],
    ]);
  });
});
