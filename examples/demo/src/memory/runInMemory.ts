import {
  type DeadLetter,
  InMemoryDeadLetters,
  InMemoryProjectionStore,
  type Row,
} from '@sluice/projections';
import {
  createEventSourceMapping,
  type DeliveryReport,
  type EventSourceMapping,
  InMemoryTable,
  ManualClock,
  seededRandom,
} from '@sluice/testing';
import type { DemoOptions } from '../cli/demoOptions.js';
import type { Progress } from '../report/progress.js';
import { demoExamples, demoSources } from '../run/demoExamples.js';
import { type DeliveryStats, type DemoRun, emptyDeliveryStats } from '../run/demoRun.js';
import type { SourceName } from '../workload/operation.js';
import { Workload } from '../workload/workload.js';
import { applyInMemory } from './applyInMemory.js';
import { withStoreFaults } from './storeFaults.js';

/** Steps written between two deliveries: the stream fills up, then Lambda catches up. */
const STEPS_PER_ROUND = 400;
const SHARDS = 4;

/** Lambda's faults on top of its own retries, per opportunity. */
const DELIVERY_FAULTS = {
  duplicateBatch: 0.05,
  loseResponse: 0.05,
  regroupRetries: 0.5,
  interleaveShards: true,
} as const;
const STORE_FAULT_RATE = 0.04;

const addReport = (stats: DeliveryStats, report: DeliveryReport): void => {
  stats.invocations += report.invocations;
  stats.recordsDelivered += report.batches.reduce((n, b) => n + b.sequenceNumbers.length, 0);
  stats.recordsFilteredOut += report.recordsFilteredOut;
  stats.recordsDiscarded += report.recordsDiscarded;
  stats.retries += report.retries;
  stats.bisections += report.bisections;
  stats.duplicatedBatches += report.faults.duplicatedBatches;
  stats.lostResponses += report.faults.lostResponses;
  stats.regroupedRetries += report.faults.regroupedRetries;
};

// Each example's handler behind its event source mapping, over a store of its own that crashes.
const deploy = (
  tables: Record<SourceName, InMemoryTable>,
  options: DemoOptions,
  delivery: DeliveryStats,
) => {
  const faults = seededRandom(options.seed ^ 0xfa17);
  return Promise.all(
    demoExamples.map(async (example, i) => {
      const store = new InMemoryProjectionStore();
      const deadLetters = new InMemoryDeadLetters();
      const handler = example.handler({ store, deadLetters });
      const mapping: EventSourceMapping = await createEventSourceMapping({
        source: tables[example.source],
        handler: withStoreFaults(handler, store, faults, STORE_FAULT_RATE, delivery),
        // As deployed, with Lambda's default batch size so that faults have more batches to hit.
        options: { ...handler.recommendedEventSourceMapping, BatchSize: 100 },
        faults: { ...DELIVERY_FAULTS, seed: options.seed + i },
        functionName: `${example.name}-projections`,
        // The workload owns the clock; waiting between retries would only age the records.
        retryDelayMs: () => 0,
      });
      return { example, store, deadLetters, mapping };
    }),
  );
};

/**
 * The demo on the embedded engine: in-memory tables and streams (4 shards, rolled over half-way),
 * each example's handler behind a Lambda-like event source mapping that duplicates batches, loses
 * responses and regroups retries, over an in-memory store that now and then crashes mid-batch.
 */
export const runInMemory = async (options: DemoOptions, progress: Progress): Promise<DemoRun> => {
  const clock = new ManualClock();
  const source = (name: SourceName) =>
    new InMemoryTable({
      ...demoSources[name],
      clock,
      stream: { partitionCount: SHARDS, sequenceSeed: options.seed },
    });
  const tables = { orders: source('orders'), todoListTask: source('todoListTask') };
  const delivery = emptyDeliveryStats();
  const deployments = await deploy(tables, options, delivery);
  const poisonCount = () =>
    new Set(deployments.flatMap((d) => d.deadLetters.letters.map((l) => l.eventId))).size;
  const deliver = async () => {
    for (const { mapping } of deployments) addReport(delivery, await mapping.drain());
  };

  const workload = new Workload({ ...options, startMs: clock.now() });
  const started = performance.now();
  let nextRound = STEPS_PER_ROUND;
  for (const operation of workload.operations()) {
    applyInMemory(tables, clock, operation);
    if (workload.done < nextRound) continue;
    nextRound += STEPS_PER_ROUND;
    await deliver();
    progress.update(
      workload.done / workload.total,
      `${delivery.recordsDelivered.toLocaleString('en-US')} records delivered in ` +
        `${delivery.invocations.toLocaleString('en-US')} invocations, ${poisonCount()} poison`,
    );
  }
  await deliver();
  const elapsedMs = performance.now() - started;
  progress.update(1, `${delivery.recordsDelivered.toLocaleString('en-US')} records delivered`);
  progress.finish();

  const projectionTables: Record<string, readonly Row[]> = {};
  for (const { example, store } of deployments)
    for (const table of example.tables)
      projectionTables[table.tableName] = await store.scan(table.tableName);
  const history = projectionTables.orderHistory ?? [];
  const deadLetters: DeadLetter[] = deployments.flatMap((d) => d.deadLetters.letters);
  return {
    engine: 'in memory',
    elapsedMs,
    workload: workload.stats,
    sources: {
      orders: { records: tables.orders.stream.records(), items: tables.orders.scanAll() },
      todoListTask: {
        records: tables.todoListTask.stream.records(),
        items: tables.todoListTask.scanAll(),
      },
    },
    tables: projectionTables,
    deadLetters,
    delivery,
    writes: deployments.reduce((n, d) => n + d.store.writeCount, 0),
    writesUnit: 'item writes (history rows, archive puts, aggregate transactions, order rows)',
    historyOf: async (orderId) =>
      history
        .filter((row) => row.orderId === orderId)
        .sort((a, b) => String(a.change).localeCompare(String(b.change))),
    notes: [],
    close: async () => {},
  };
};
