import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { InMemoryDeadLetters, type Projection, processBatch } from '@sluice/projections';
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
  linesPerOrderProjection,
} from '../orders/benchProjections.js';
import { orderLineEvent } from '../orders/orderLineEvent.js';
import { batchFootprint } from './batchFootprint.js';
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
import { storedItemSizes } from './storedItemSizes.js';

/** Sizes of the request-count measurement. */
export interface CostOptions {
  /** Records replayed per projection and batch size. */
  readonly records: number;
  readonly batchSizes: readonly number[];
}

/** Requests one projection sent at one batch size, per 1000 records, next to the naive handler's. */
export interface CostRow {
  readonly projection: string;
  readonly batchSize: number;
  readonly sluicePer1000: number;
  readonly byOperation: Readonly<Record<string, number>>;
  readonly naivePer1000: number;
  /** Counters only: distinct groups touched, summed over batches, per 1000 records. */
  readonly touchedGroupsPer1000: number | undefined;
  /** Counters only: the goal's ceiling, touched groups + marker reads + one per batch, per 1000 records. */
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

interface Scenario {
  readonly name: string;
  readonly projection: Projection;
  readonly naive: (client: DynamoDBDocumentClient, tables: NaiveTables) => NaiveHandler;
  readonly counter: boolean;
}

const scenarios: readonly Scenario[] = [
  { name: 'order history', projection: historyProjection, naive: naiveHistory, counter: false },
  {
    name: 'lines per order (count + sum)',
    projection: linesPerOrderProjection,
    naive: naiveCounts,
    counter: true,
  },
  {
    name: 'archive (removals)',
    projection: archiveProjection,
    naive: naiveArchive,
    counter: false,
  },
];

const per1000 = (count: number, records: number) => Math.round((count * 10_000) / records) / 10;

const unitsPer1000 = (units: Units, records: number): Units => ({
  requests: per1000(units.requests, records),
  writeUnits: per1000(units.writeUnits, records),
  readUnits: per1000(units.readUnits, records),
});

const unitsByOperation = (
  requests: readonly CapturedRequest[],
  stored: StoredBytes,
  records: number,
): Record<string, Units> => {
  const byOperation: Record<string, Units> = {};
  for (const request of requests) {
    const zero = { requests: 0, writeUnits: 0, readUnits: 0 };
    byOperation[request.operation] = addUnits(
      byOperation[request.operation] ?? zero,
      unitsOf(request, stored),
    );
  }
  return Object.fromEntries(
    Object.entries(byOperation).map(([op, units]) => [op, unitsPer1000(units, records)]),
  );
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

// One row of the report: the requests counted, per 1000 records, against the scenario's goal.
const costRow = (
  projection: string,
  counter: boolean,
  batchSize: number,
  footprints: readonly { readonly groups: number; readonly items: number }[],
  records: number,
  counted: {
    readonly sluice: number;
    readonly byOperation: CostRow['byOperation'];
    readonly naive: number;
    readonly units: CounterUnits | undefined;
  },
): CostRow => {
  const { sluice, byOperation, units } = counted;
  const groups = footprints.reduce((sum, f) => sum + f.groups, 0);
  const markerReads = footprints.reduce((sum, f) => sum + Math.ceil(f.items / 100), 0);
  const ceiling = groups + markerReads + footprints.length;
  const history = projection === 'order history';
  return {
    projection,
    batchSize,
    sluicePer1000: per1000(sluice, records),
    byOperation,
    naivePer1000: per1000(counted.naive, records),
    touchedGroupsPer1000: counter ? per1000(groups, records) : undefined,
    ceilingPer1000: counter ? per1000(ceiling, records) : undefined,
    goal: history ? '≤ 44 / 1000' : counter ? '≤ touched groups + marker reads + 1 per batch' : '—',
    met: history ? per1000(sluice, records) <= 44 : counter ? sluice <= ceiling : undefined,
    ...(units ? { units } : {}),
  };
};

/**
 * Issue 7, measurement 2: replays the same generated records through each built-in projection on
 * DynamoDB (a fresh set of tables per run) and through a naive one-write-per-record handler,
 * counting every HTTP request with the `countRequests` middleware (SDK retries included).
 */
export const measureRequestCosts = async (
  clients: CostClients,
  options: CostOptions,
): Promise<CostRow[]> => {
  const { documentClient } = clients;
  const records = orderLineEvent(options.records).event.Records as DynamoDBRecord[];
  const counter = countRequests(documentClient);
  const capture = captureRequests(documentClient);
  const rows: CostRow[] = [];
  try {
    for (const batchSize of options.batchSizes) {
      const batches = batchesOf(records, batchSize);
      const footprints = batches.map(batchFootprint);
      for (const scenario of scenarios) {
        const prefix = freshPrefix();
        const naiveTables = await createRunTables(clients, prefix);
        const settings = {
          projections: [scenario.projection],
          store: dynamoDbProjectionStore({
            client: documentClient,
            tableName: (table: string) => prefix + table,
          }),
          deadLetters: new InMemoryDeadLetters(),
        };
        counter.reset();
        capture.reset();
        for (const batch of batches) {
          const result = await processBatch(settings, batch);
          if (result._tag !== 'BatchCompleted')
            throw new Error(`${scenario.name}: ${result.cause.message}`);
        }
        const sluice = counter.total();
        const byOperation = counter.byOperation();
        const sluiceCaptured = capture.requests();
        counter.reset();
        capture.reset();
        const naive = scenario.naive(documentClient, naiveTables);
        for (const batch of batches) await naive(batch);
        const naiveRequests = counter.total();
        const units = scenario.counter
          ? await counterUnits(clients, sluiceCaptured, capture.requests(), {
              tables: [
                `${prefix}${benchTables.linesPerOrder}`,
                `${prefix}${benchTables.markers}`,
                naiveTables.counts,
              ],
              records: records.length,
            })
          : undefined;
        rows.push(
          costRow(scenario.name, scenario.counter, batchSize, footprints, records.length, {
            sluice,
            byOperation,
            naive: naiveRequests,
            units,
          }),
        );
      }
    }
  } finally {
    counter.detach();
    capture.detach();
  }
  return rows;
};

// Prices what Sluice's aggregate and the naive handler sent, with the items' sizes as stored.
const counterUnits = async (
  clients: CostClients,
  sluice: readonly CapturedRequest[],
  naive: readonly CapturedRequest[],
  options: { readonly tables: readonly string[]; readonly records: number },
): Promise<CounterUnits> => {
  const stored = await storedItemSizes(clients.dynamodb, options.tables);
  const idempotency = powertoolsIdempotencyUnits(options.records);
  return {
    sluice: unitsByOperation(sluice, stored, options.records),
    naive: unitsByOperation(naive, stored, options.records),
    powertoolsIdempotency: Object.fromEntries(
      Object.entries(idempotency).map(([op, u]) => [op, unitsPer1000(u, options.records)]),
    ),
  };
};
