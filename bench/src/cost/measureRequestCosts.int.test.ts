import { type Row, withoutRowMarkers } from '@sluice/projections';
import { connectDynamoDBLocal } from '@sluice/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { dynamodbLocalEndpoint } from '../testSupport/dynamodbLocalEndpoint.js';
import { type CounterTable, measureRequestCosts } from './measureRequestCosts.js';

const connection = connectDynamoDBLocal(dynamodbLocalEndpoint());
afterAll(() => connection.destroy());

const AMOUNTS = ['lines', 'quantity'];

// The order rows a reader sees, by order id. With markers in the group row, an order whose lines
// never counted (all cancelled) still has a row, holding only its key and their markers.
const byOrder = (rows: readonly Row[]) =>
  new Map(rows.map((row) => [String(row.orderId), withoutRowMarkers(row)]));

describe('measureRequestCosts at a small size on DynamoDB Local', () => {
  it('counts Sluice’s requests for each built-in next to one write per record', async () => {
    const tables: CounterTable[] = [];
    const rows = await measureRequestCosts(
      connection.clients,
      { records: 100, batchSizes: [50] },
      (table) => tables.push(table),
    );
    expect(rows.map((r) => r.projection)).toEqual([
      'order history',
      'lines per order (count + sum)',
      'lines per order (count + sum), markers in the group row',
      'archive (removals)',
    ]);
    const [history, counts, inRows, archive] = rows;
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

    // Markers in the group row: row reads and one conditional UpdateItem per order row and batch.
    expect(inRows).toMatchObject({
      layout: 'group row',
      met: true,
      naivePer1000: counts!.naivePer1000,
    });
    expect(Object.keys(inRows!.byOperation).sort()).toEqual(['BatchGetItem', 'UpdateItem']);
    expect(inRows!.byOperation.UpdateItem! * 10).toBe(inRows!.touchedGroupsPer1000);
    const inRowUnits = inRows!.units!;
    expect(inRowUnits.naive).toEqual(units.naive);
    expect(inRowUnits.sluice.UpdateItem!.writeUnits).toBeGreaterThanOrEqual(
      inRowUnits.sluice.UpdateItem!.requests,
    );
    expect(inRowUnits.sluice.BatchGetItem!.readUnits).toBeGreaterThan(0);

    // Both layouts leave the same amounts per order; the group-row layout may add rows that
    // hold nothing but their key (orders whose lines never counted).
    expect(tables.map((t) => t.projection)).toEqual([counts!.projection, inRows!.projection]);
    const markerTable = byOrder(tables[0]!.rows);
    const groupRows = byOrder(tables[1]!.rows);
    expect(markerTable.size).toBeGreaterThan(0);
    for (const [orderId, row] of groupRows)
      if (!markerTable.has(orderId)) expect(row).toEqual({ orderId });
    for (const [orderId, row] of markerTable) expect(groupRows.get(orderId)).toEqual(row);
    expect(
      tables[1]!.rows.some((row) => Object.keys(row).some((n) => n.startsWith('sluice#'))),
    ).toBe(true);
    expect(AMOUNTS.every((n) => [...markerTable.values()].some((row) => n in row))).toBe(true);
  }, 120_000);
});
