import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { InMemoryDeadLetters, type Projection, processBatch, type Row } from '@sluice/projections';
import {
  countRequests,
  createProjectionTables,
  dynamoDbProjectionStore,
  tableSpec,
} from '@sluice/projections/dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import * as E from 'fp-ts/lib/Either.js';
import {
  archiveProjection,
  benchTableSpecs,
  benchTables,
  historyProjection,
  linesPerOrderInRowsProjection,
  linesPerOrderProjection,
} from '../orders/benchProjections.js';
import { orderLineEvent } from '../orders/orderLineEvent.js';
import { type BatchFootprint, batchFootprint } from './batchFootprint.js';
import {
  addUnits,
  type CapturedRequest,
  type StoredBytes,
  type Units,
  unitsOf,
} from './capacityUnits.js';
import { captureRequests } from './captureRequests.js';
import {
  type NaiveHandler,
  type NaiveTables,
  naiveArchive,
  naiveCounts,
  naiveHistory,
} from './naiveHandlers.js';
import { powertoolsIdempotencyUnits } from './powertoolsIdempotency.js';
import { sizingClient, touchedItemSizes } from './touchedItemSizes.js';

/** Sizes of the request-count measurement. */
export interface CostOptions {
  /** Records replayed per projection and batch size. */
  readonly records: number;
  readonly batchSizes: readonly number[];
}

/**
 * Where an exactly-once counter keeps its markers: in a marker table, written with the group rows
 * in TransactWriteItems (items may move between groups), or in the group row itself, one
 * conditional UpdateItem per row (the group follows from the item's key).
 */
export type CounterLayout = 'marker table' | 'group row';

/** Requests one projection sent at one batch size, per 1000 records, next to the naive handler's. */
export interface CostRow {
  readonly projection: string;
  readonly batchSize: number;
  readonly sluicePer1000: number;
  readonly byOperation: Readonly<Record<string, number>>;
  readonly naivePer1000: number;
  /** Counters only: where the markers are kept. */
  readonly layout?: CounterLayout;
  /** Counters only: distinct groups (group rows, for `group row`) written, summed over batches, per 1000 records. */
  readonly touchedGroupsPer1000: number | undefined;
  /** Counters only: the goal's ceiling, touched groups + marker (or row) reads + one per batch, per 1000 records. */
  readonly ceilingPer1000: number | undefined;
  readonly goal: string;
  readonly met: boolean | undefined;
  /** Counters only: capacity units per 1000 records by DynamoDB's pricing rules, by operation. */
  readonly units?: CounterUnits;
}

/** Per 1000 records, by operation: Sluice's aggregate, the naive `ADD`, Powertools idempotency (modelled). */
export interface CounterUnits {
  readonly sluice: Readonly<Record<string, Units>>;
  readonly naive: Readonly<Record<string, Units>>;
  /** Powertools' idempotency records alone; its handler also sends the naive `ADD`s. */
  readonly powertoolsIdempotency: Readonly<Record<string, Units>>;
}

/** Clients of the DynamoDB the measurement may create tables in (DynamoDB Local). */
export interface CostClients {
  readonly dynamodb: DynamoDBClient;
  readonly documentClient: DynamoDBDocumentClient;
}

/** A counter's group table as one run left it, for a test to compare layouts. */
export interface CounterTable {
  readonly projection: string;
  readonly batchSize: number;
  readonly rows: readonly Row[];
}

interface Scenario {
  readonly name: string;
  readonly projection: Projection;
  readonly naive: (client: DynamoDBDocumentClient, tables: NaiveTables) => NaiveHandler;
  /** Counters: where their markers live, and their group table's logical name. */
  readonly counter?: { readonly layout: CounterLayout; readonly table: string };
}

const scenarios: readonly Scenario[] = [
  { name: 'order history', projection: historyProjection, naive: naiveHistory },
  {
    name: 'lines per order (count + sum)',
    projection: linesPerOrderProjection,
    naive: naiveCounts,
    counter: { layout: 'marker table', table: benchTables.linesPerOrder },
  },
  {
    name: 'lines per order (count + sum), markers in the group row',
    projection: linesPerOrderInRowsProjection,
    naive: naiveCounts,
    counter: { layout: 'group row', table: benchTables.linesPerOrderInRows },
  },
  { name: 'archive (removals)', projection: archiveProjection, naive: naiveArchive },
];

const per1000 = (count: number, records: number) => Math.round((count * 10_000) / records) / 10;

const unitsPer1000 = (units: Units, records: number): Units => ({
  requests: per1000(units.requests, records),
  writeUnits: per1000(units.writeUnits, records),
  readUnits: per1000(units.readUnits, records),
});

// Every captured request carries the sizes read around it; nothing else is known.
const unknownSizes: StoredBytes = () => undefined;

const unitsByOperation = (
  requests: readonly CapturedRequest[],
  records: number,
): Record<string, Units> => {
  const byOperation: Record<string, Units> = {};
  for (const request of requests) {
    const zero = { requests: 0, writeUnits: 0, readUnits: 0 };
    byOperation[request.operation] = addUnits(
      byOperation[request.operation] ?? zero,
      unitsOf(request, unknownSizes),
    );
  }
  return Object.fromEntries(
    Object.entries(byOperation).map(([op, units]) => [op, unitsPer1000(units, records)]),
  );
};

// Prices what Sluice's aggregate and the naive handler sent, on the item sizes read around each.
const counterUnits = (
  sluice: readonly CapturedRequest[],
  naive: readonly CapturedRequest[],
  records: number,
): CounterUnits => {
  const idempotency = powertoolsIdempotencyUnits(records);
  return {
    sluice: unitsByOperation(sluice, records),
    naive: unitsByOperation(naive, records),
    powertoolsIdempotency: Object.fromEntries(
      Object.entries(idempotency).map(([op, u]) => [op, unitsPer1000(u, records)]),
    ),
  };
};

let runs = 0;
const freshPrefix = () => `bench-cost-${process.pid}-${Date.now().toString(36)}-${++runs}-`;

const batchesOf = <A>(items: readonly A[], size: number): A[][] => {
  const batches: A[][] = [];
  for (let at = 0; at < items.length; at += size) batches.push(items.slice(at, at + size));
  return batches;
};

// Fresh tables for one run: Sluice's bench tables and the naive handler's, under `prefix`.
const createRunTables = async (clients: CostClients, prefix: string): Promise<NaiveTables> => {
  const naiveTables: NaiveTables = {
    history: `${prefix}naiveHistory`,
    counts: `${prefix}naiveCounts`,
    archive: `${prefix}naiveArchive`,
  };
  const created = await createProjectionTables(clients.dynamodb, [
    ...benchTableSpecs(prefix),
    tableSpec(naiveTables.history, 'orderId', 'change'),
    tableSpec(naiveTables.counts, 'orderId'),
    tableSpec(naiveTables.archive, 'orderId', 'lineId'),
  ]);
  if (E.isLeft(created)) throw new Error(created.left.message);
  return naiveTables;
};

// What a counter's requests may not exceed: each group written once per batch, its markers (or,
// in the group-row layout, the rows themselves) read 100 keys a BatchGetItem, and one more per batch.
const ceilingOf = (layout: CounterLayout, footprints: readonly BatchFootprint[]) => {
  let groups = 0;
  let reads = 0;
  for (const f of footprints) {
    const written = layout === 'group row' ? f.rows : f.groups;
    groups += written;
    reads += Math.ceil((layout === 'group row' ? f.rows : f.items) / 100);
  }
  return { groups, ceiling: groups + reads + footprints.length };
};

const COUNTER_GOALS: Record<CounterLayout, string> = {
  'marker table': '≤ touched groups + marker reads + 1 per batch',
  'group row': '≤ touched groups + row reads + 1 per batch',
};

/** The requests goal of a counter in `layout`. */
export const counterGoal = (layout: CounterLayout): string => COUNTER_GOALS[layout];

// One row of the report: the requests counted, per 1000 records, against the scenario's goal.
const costRow = (
  scenario: Scenario,
  batchSize: number,
  footprints: readonly BatchFootprint[],
  records: number,
  counted: {
    readonly sluice: number;
    readonly byOperation: CostRow['byOperation'];
    readonly naive: number;
  },
  units: CounterUnits | undefined,
): CostRow => {
  const { sluice, byOperation } = counted;
  const common = {
    projection: scenario.name,
    batchSize,
    sluicePer1000: per1000(sluice, records),
    byOperation,
    naivePer1000: per1000(counted.naive, records),
  };
  const layout = scenario.counter?.layout;
  if (layout !== undefined) {
    const { groups, ceiling } = ceilingOf(layout, footprints);
    return {
      ...common,
      layout,
      touchedGroupsPer1000: per1000(groups, records),
      ceilingPer1000: per1000(ceiling, records),
      goal: counterGoal(layout),
      met: sluice <= ceiling,
      ...(units ? { units } : {}),
    };
  }
  const history = scenario.name === 'order history';
  return {
    ...common,
    touchedGroupsPer1000: undefined,
    ceilingPer1000: undefined,
    goal: history ? '≤ 44 / 1000' : '—',
    met: history ? common.sluicePer1000 <= 44 : undefined,
  };
};

interface Run {
  readonly clients: CostClients;
  readonly counter: ReturnType<typeof countRequests>;
  readonly capture: ReturnType<typeof captureRequests>;
  readonly records: readonly DynamoDBRecord[];
  readonly batchSize: number;
  readonly onCounterTable: ((table: CounterTable) => void) | undefined;
}

// One scenario at one batch size on fresh tables: Sluice's requests, then the naive handler's.
const runScenario = async (run: Run, scenario: Scenario): Promise<CostRow> => {
  const { clients, counter, capture, records, batchSize } = run;
  const batches = batchesOf(records, batchSize);
  const prefix = freshPrefix();
  const naiveTables = await createRunTables(clients, prefix);
  const store = dynamoDbProjectionStore({
    client: clients.documentClient,
    tableName: (table: string) => prefix + table,
  });
  const settings = {
    projections: [scenario.projection],
    store,
    deadLetters: new InMemoryDeadLetters(),
  };
  // Only counters are priced: only their requests need the item sizes read around them.
  const priced = scenario.counter !== undefined;
  counter.reset();
  capture.reset(priced);
  for (const batch of batches) {
    const result = await processBatch(settings, batch);
    if (result._tag !== 'BatchCompleted')
      throw new Error(`${scenario.name}: ${result.cause.message}`);
  }
  const sluice = { sluice: counter.total(), byOperation: counter.byOperation() };
  const sluiceCaptured = capture.requests();
  if (scenario.counter && run.onCounterTable)
    run.onCounterTable({
      projection: scenario.name,
      batchSize,
      rows: await store.scan(scenario.counter.table),
    });
  counter.reset();
  capture.reset(priced);
  const naive = scenario.naive(clients.documentClient, naiveTables);
  for (const batch of batches) await naive(batch);
  const counted = { ...sluice, naive: counter.total() };
  const units = priced
    ? counterUnits(sluiceCaptured, capture.requests(), records.length)
    : undefined;
  return costRow(scenario, batchSize, batches.map(batchFootprint), records.length, counted, units);
};

/**
 * Issue 7, measurement 2, and issue 18's write units: replays the same generated records through
 * each built-in projection on DynamoDB (a fresh set of tables per run) and through a naive
 * one-write-per-record handler, counting every HTTP request with the `countRequests` middleware
 * (SDK retries included) and pricing the counters' requests on the item sizes read around each.
 * `onCounterTable` receives each counter's group table as its run left it.
 */
export const measureRequestCosts = async (
  clients: CostClients,
  options: CostOptions,
  onCounterTable?: (table: CounterTable) => void,
): Promise<CostRow[]> => {
  const records = orderLineEvent(options.records).event.Records as DynamoDBRecord[];
  const sizing = sizingClient(clients.dynamodb);
  const counter = countRequests(clients.documentClient);
  const capture = captureRequests(clients.documentClient, touchedItemSizes(sizing));
  const rows: CostRow[] = [];
  try {
    for (const batchSize of options.batchSizes) {
      const run = { clients, counter, capture, records, batchSize, onCounterTable };
      for (const scenario of scenarios) rows.push(await runScenario(run, scenario));
    }
  } finally {
    counter.detach();
    capture.detach();
    sizing.destroy();
  }
  return rows;
};
