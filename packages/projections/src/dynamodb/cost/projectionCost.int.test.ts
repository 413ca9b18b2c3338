import type { ChangeEvent } from '@sluice/core';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { afterAll, describe, expect, it } from 'vitest';
import { aggregate } from '../../builtins/aggregate.js';
import { archive } from '../../builtins/archive.js';
import { orderHistory } from '../../builtins/orderHistory.js';
import { planBatch } from '../../projection/planBatch.js';
import type { Projection } from '../../projection/projection.js';
import { dynamoDbProjectionStore } from '../store/dynamoDbProjectionStore.js';
import { createProjectionTables } from '../tables/createProjectionTables.js';
import { markerTableSpec, type TableSpec, tableSpec } from '../tables/tableSpec.js';
import { ownClients } from '../testSupport/dynamoDbHarness.js';
import { uniquePrefix } from '../testSupport/localDynamoDb.js';
import { orderLineChanges, taskChanges } from '../testSupport/syntheticChanges.js';
import { countRequests } from './requestCounter.js';

type Item = Record<string, unknown>;
type Event = ChangeEvent<Item, 'NEW_AND_OLD_IMAGES'>;
const viewType = 'NEW_AND_OLD_IMAGES' as const;
const RECORDS = 1000;

const { dynamodb, documentClient } = ownClients();
const counter = countRequests(documentClient);
afterAll(() => dynamodb.destroy());

interface Scenario {
  readonly name: string;
  readonly events: readonly Event[];
  readonly tables: (prefix: string) => TableSpec[];
  readonly projection: Projection<Item, typeof viewType, Item>;
  /** Groups a batch touches (aggregates only): the per-batch write floor of a counter. */
  readonly groupsOf?: (event: Event) => string[];
}

const lines = orderLineChanges(RECORDS);
const tasks = taskChanges(RECORDS);
const image = (event: Event, which: 'newImage' | 'oldImage') =>
  (event as unknown as Record<string, Item | undefined>)[which];

const scenarios: Scenario[] = [
  {
    name: 'order history',
    events: lines,
    tables: (p) => [tableSpec(`${p}.history`, 'entityId', 'change')],
    projection: orderHistory<Item, typeof viewType, Item>({
      name: 'orderHistory',
      table: 'history',
      item: t.UnknownRecord,
      viewType,
      entityId: (event) => String(event.keys.orderId),
    }),
  },
  {
    name: 'task count per list',
    events: tasks,
    tables: (p) => [tableSpec(`${p}.counts`, 'listId'), markerTableSpec(`${p}.markers`)],
    projection: aggregate<Item, typeof viewType, Item>({
      name: 'aggregate',
      table: 'counts',
      markerTable: 'markers',
      item: t.UnknownRecord,
      viewType,
      group: (task) => ({ listId: String(task.listId) }),
    }),
    groupsOf: (event) =>
      [image(event, 'newImage'), image(event, 'oldImage')].flatMap((i) =>
        i ? [String(i.listId)] : [],
      ),
  },
  {
    name: 'order totals (sums)',
    events: lines,
    tables: (p) => [tableSpec(`${p}.totals`, 'orderId'), markerTableSpec(`${p}.markers`)],
    projection: aggregate<Item, typeof viewType, Item>({
      name: 'aggregate',
      table: 'totals',
      markerTable: 'markers',
      item: t.UnknownRecord,
      viewType,
      group: (line) => ({ orderId: String(line.orderId) }),
      amounts: (line) => ({
        quantity: Number(line.quantity),
        amountCents: Number(line.quantity) * Number(line.priceCents),
      }),
    }),
    groupsOf: (event) =>
      [image(event, 'newImage'), image(event, 'oldImage')].flatMap((i) =>
        i ? [String(i.orderId)] : [],
      ),
  },
  {
    name: 'archive (all removals)',
    events: lines,
    tables: (p) => [tableSpec(`${p}.archive`, 'orderId', 'lineId')],
    projection: archive<Item, typeof viewType, Item>({
      name: 'archive',
      table: 'archive',
      item: t.UnknownRecord,
      viewType,
    }),
  },
];

interface Measured {
  readonly requests: number;
  readonly byOperation: Readonly<Record<string, number>>;
  readonly touchedGroups: number;
  readonly itemsPerBatch: number;
  readonly batches: number;
}

const measure = async (scenario: Scenario, batchSize: number): Promise<Measured> => {
  const prefix = uniquePrefix('cost');
  const created = await createProjectionTables(dynamodb, scenario.tables(prefix));
  if (E.isLeft(created)) throw new Error(created.left.message);
  const store = dynamoDbProjectionStore({
    client: documentClient,
    tableName: (table) => `${prefix}.${table}`,
  });
  counter.reset();
  let touchedGroups = 0;
  let itemsPerBatch = 0;
  let batches = 0;
  for (let at = 0; at < scenario.events.length; at += batchSize) {
    const batch = scenario.events.slice(at, at + batchSize);
    const result = await store.apply(planBatch(scenario.projection, batch));
    expect(E.isRight(result)).toBe(true);
    touchedGroups += new Set(batch.flatMap((event) => scenario.groupsOf?.(event) ?? [])).size;
    itemsPerBatch += new Set(batch.map((event) => event.itemKey)).size;
    batches += 1;
  }
  return {
    requests: counter.total(),
    byOperation: counter.byOperation(),
    touchedGroups,
    itemsPerBatch,
    batches,
  };
};

const per1000 = (n: number, records: number) => Math.round((n * 10_000) / records) / 10;

describe(`DynamoDB requests per ${RECORDS} stream records (DynamoDB Local, counted by middleware)`, () => {
  const report: string[] = [];
  afterAll(() => {
    console.log(
      [
        '| projection | batch size | requests / 1000 records | by operation | touched groups (floor of a counter) |',
        '|---|---|---|---|---|',
        ...report,
      ].join('\n'),
    );
  });

  for (const scenario of scenarios)
    for (const batchSize of [100, 1000])
      it(`${scenario.name}, batches of ${batchSize}`, async () => {
        const measured = await measure(scenario, batchSize);
        const records = scenario.events.length;
        report.push(
          `| ${scenario.name} | ${batchSize} | ${per1000(measured.requests, records)} | ${JSON.stringify(measured.byOperation)} | ${scenario.groupsOf ? per1000(measured.touchedGroups, records) : '-'} |`,
        );
        if (scenario.name === 'order history')
          // BatchWriteItem floor: 1000 / 25 = 40; aim within 10%.
          expect(per1000(measured.requests, records)).toBeLessThanOrEqual(44);
        if (scenario.groupsOf)
          // At most one write per touched group per batch, plus the marker reads idempotency needs.
          expect(measured.requests).toBeLessThanOrEqual(
            measured.touchedGroups + Math.ceil(measured.itemsPerBatch / 100) + measured.batches,
          );
      });
});
