import { connectDynamoDBLocal } from '@sluice/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { dynamodbLocalEndpoint } from '../testSupport/dynamodbLocalEndpoint.js';
import { measureRequestCosts } from './measureRequestCosts.js';

const connection = connectDynamoDBLocal(dynamodbLocalEndpoint());
afterAll(() => connection.destroy());

describe('measureRequestCosts at a small size on DynamoDB Local', () => {
  it('counts Sluice’s requests for each built-in next to one write per record', async () => {
    const rows = await measureRequestCosts(connection.clients, { records: 100, batchSizes: [50] });
    expect(rows.map((r) => r.projection)).toEqual([
      'order history',
      'lines per order (count + sum)',
      'archive (removals)',
    ]);
    const [history, counts, archive] = rows;
    // The naive history handler puts one row per record: the counter must see exactly that.
    expect(history!.naivePer1000).toBe(1000);
    // 100 records in batches of 50: two BatchWriteItems of 25 per batch.
    expect(history!.byOperation).toEqual({ BatchWriteItem: 4 });
    expect(counts!.met).toBe(true);
    expect(counts!.sluicePer1000).toBeLessThan(counts!.naivePer1000);
    expect(archive!.sluicePer1000).toBeGreaterThan(0);
    // Write units: every naive ADD is one small item; Sluice's transactions count twice.
    const units = counts!.units!;
    expect(Object.keys(units.naive)).toEqual(['UpdateItem']);
    expect(units.naive.UpdateItem!.writeUnits).toBe(counts!.naivePer1000);
    const transact = units.sluice.TransactWriteItems!;
    expect(transact.requests).toBe(counts!.byOperation.TransactWriteItems! * 10);
    expect(transact.writeUnits % 2).toBe(0);
    expect(transact.writeUnits).toBeGreaterThan(2 * transact.requests);
    expect(units.sluice.BatchGetItem!.readUnits).toBeGreaterThan(0);
    expect(history!.units).toBeUndefined();
  }, 60_000);
});
