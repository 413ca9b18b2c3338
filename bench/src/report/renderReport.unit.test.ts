import { describe, expect, it } from 'vitest';
import { QUICK_SIZES } from '../cli/benchOptions.js';
import type { CostRow } from '../cost/measureRequestCosts.js';
import type { ReplayResult } from '../replay/replay.js';
import type { Rate } from '../throughput/measureThroughput.js';
import type { BenchResults } from './benchResults.js';
import { goalsOf } from './goals.js';
import { renderReport } from './renderReport.js';

const rate = (name: string, medianMs: number): Rate => ({
  name,
  samplesMs: [medianMs],
  medianMs,
  medianCpuMs: medianMs,
  recordsPerSecond: 1_000_000 / medianMs,
});

const checkpoint = (consumed: number, retainedMb: number) => ({
  consumed,
  rssBytes: 300 * 2 ** 20,
  heapUsedBytes: 200 * 2 ** 20,
  retainedHeapBytes: retainedMb * 2 ** 20,
  streamRecords: 100,
  tableItems: 50,
});

const replayRun = (retainedAtEndMb: number): ReplayResult => ({
  pipeline: 'sluice',
  changes: 1000,
  msPerChange: 100,
  eventsPerSecond: 250_000,
  endToEndEventsPerSecond: 100_000,
  replaySeconds: 1,
  generationSeconds: 1,
  retentionShare: 0.1,
  checkpoints: [
    checkpoint(100, 10),
    checkpoint(200, 80),
    checkpoint(300, 100),
    checkpoint(600, 90),
    checkpoint(800, 95),
    checkpoint(1000, retainedAtEndMb),
  ],
  peakRssBytes: 300 * 2 ** 20,
  maxRssBytes: 300 * 2 ** 20,
  historyRows: 1000,
  aggregateRows: 10,
  markerRows: 20,
  archiveRows: 5,
});

const results = (sluiceMs: number, retainedAtEndMb: number): BenchResults => ({
  machine: {
    cpuModel: 'Test CPU',
    cores: 2,
    memoryBytes: 8 * 2 ** 30,
    os: 'Linux',
    node: 'v20.0.0',
    date: '2026-01-01T00:00:00.000Z',
    loadAtStart: 4,
  },
  quick: true,
  sizes: QUICK_SIZES,
  ran: ['throughput', 'replay'],
  durationSeconds: 10,
  loadAtEnd: 3,
  throughput: {
    records: 1000,
    rounds: 5,
    mix: { INSERT: 300, MODIFY: 500, REMOVE: 200 },
    handWritten: rate('a', 100),
    handWrittenProjections: rate("a'", 60),
    powertools: rate('b', 1000),
    powertoolsUnvalidated: rate("b'", 800),
    sluice: rate('c', sluiceMs),
    sluiceDecodeOnly: rate('c1', sluiceMs / 2),
    sluiceDecodeAndPlan: rate('c2', sluiceMs * 0.8),
    gc: {
      sluice: { wallMs: 100, gcMs: 12, share: 0.12 },
      handWrittenProjections: { wallMs: 100, gcMs: 30, share: 0.3 },
    },
  },
  replay: replayRun(retainedAtEndMb),
  replayReference: {
    ...replayRun(retainedAtEndMb),
    pipeline: 'unmarshall',
    eventsPerSecond: 125_000,
    checkpoints: [],
  },
  failures: [],
});

describe('goals and the report', () => {
  it('marks every goal met when the figures reach it', () => {
    const goals = goalsOf(results(50, 105));
    expect(goals.map((g) => g.met)).toEqual([true, true, true, true, true, true, true]);
    expect(renderReport(results(50, 105))).not.toContain('NOT MET');
  });

  it('says NOT MET plainly for each goal missed', () => {
    // Sluice slower than the hand-written handler, its decoding no faster than `unmarshall`, and
    // retained memory up 50% over the second half.
    const report = renderReport(results(200, 150));
    const missed = goalsOf(results(200, 150)).filter((g) => g.met === false);
    expect(missed.map((g) => g.measurement)).toEqual([
      '1. Batch throughput, Sluice / hand-written handler for the same projections (c/a′)',
      '1. Decode only / hand-written `unmarshall` of both images (a)',
      '4. Replay memory, peak heap retained after GC: earlier vs later half of the steady state',
    ]);
    expect(report.match(/\*\*NOT MET\*\*/g)).toHaveLength(3);
    expect(report).toContain(
      '| 1. Batch throughput, Sluice / Powertools with item schemas (c/b) | 5.00× (CPU time 5.00×) | ≥ 3× | met |',
    );
  });

  it('sets the replay beside the unmarshall-only reference run on the same records', () => {
    const report = renderReport(results(50, 105));
    expect(report).toContain(
      '| 4. Replay, three projections / the same replay with util-dynamodb `unmarshall` of both images only | 2.00× (250,000 vs 125,000 events/s) | ≥ 1× | met |',
    );
  });

  it('names the machine, the Node version and the load, and reports failed measurements', () => {
    const report = renderReport({
      ...results(50, 100),
      failures: [{ measurement: 'cost', message: 'DynamoDB Local did not start' }],
    });
    expect(report).toContain('Test CPU, 2 cores, 8.0 GB RAM');
    expect(report).toContain('Node.js v20.0.0');
    expect(report).toContain('machine was shared and busy');
    expect(report).toContain('**FAILED: cost** — DynamoDB Local did not start');
  });

  const u = (requests: number, writeUnits: number, readUnits = 0) => ({
    requests,
    writeUnits,
    readUnits,
  });
  const powertoolsIdempotency = {
    'PutItem (in progress)': u(1000, 1000),
    'UpdateItem (completed)': u(1000, 1000),
  };
  const markerTable: CostRow = {
    projection: 'lines per order (count + sum)',
    batchSize: 100,
    sluicePer1000: 30,
    byOperation: { BatchGetItem: 10, TransactWriteItems: 20 },
    naivePer1000: 700,
    layout: 'marker table',
    touchedGroupsPer1000: 690,
    ceilingPer1000: 710,
    goal: '≤ touched groups + marker reads + 1 per batch',
    met: true,
    units: {
      sluice: { BatchGetItem: u(10, 0, 400), TransactWriteItems: u(20, 1800) },
      naive: { UpdateItem: u(700, 700) },
      powertoolsIdempotency,
    },
  };
  const inRows = (writeUnits: number): CostRow => ({
    projection: 'lines per order (count + sum), markers in the group row',
    batchSize: 100,
    sluicePer1000: 660,
    byOperation: { BatchGetItem: 10, UpdateItem: 650 },
    naivePer1000: 700,
    layout: 'group row',
    touchedGroupsPer1000: 650,
    ceilingPer1000: 667,
    goal: '≤ touched groups + row reads + 1 per batch',
    met: true,
    units: {
      sluice: { BatchGetItem: u(10, 0, 325), UpdateItem: u(650, writeUnits) },
      naive: { UpdateItem: u(700, 700) },
      powertoolsIdempotency,
    },
  });

  it('judges the write-unit goals on markers in the group row, and reports the marker table plainly', () => {
    const report = renderReport({ ...results(50, 100), cost: [markerTable, inRows(650)] });
    expect(report).toContain(
      '| 2. Write units / 1000 changes, lines per order (count + sum), markers in the group row, batches of 100: Sluice vs naive `ADD` | 650 vs 700 WCU (0.93×); Sluice also reads 325 RCU | ≤ 2× naive | met |',
    );
    expect(report).toContain(
      '| 2. Write units / 1000 changes, lines per order (count + sum), markers in the group row, batches of 100: Sluice vs Powertools idempotency + `ADD` | 650 vs 2700 WCU | below | met |',
    );
    expect(report).toContain(
      '| 2. Write units / 1000 changes, lines per order (count + sum), batches of 100 (marker table, the layout for items that move between groups): Sluice vs naive `ADD` and Powertools idempotency + `ADD` | 1800 vs 700 WCU (2.57×) and 2700 WCU; Sluice also reads 400 RCU | reported (the goals are judged on markers in the group row) | — |',
    );
    expect(report).not.toContain('NOT MET');
    expect(report).toContain(
      '| 2. DynamoDB requests, lines per order (count + sum), markers in the group row, batches of 100 | 660 requests vs ceiling 667 (650 touched groups) / 1000 records | ≤ touched groups + row reads + 1 per batch | met |',
    );
  });

  it('prints the per-operation breakdown of both layouts beside the naive ADD and Powertools idempotency', () => {
    const report = renderReport({ ...results(50, 100), cost: [markerTable, inRows(650)] });
    expect(report).toContain(
      '| Powertools idempotency | PutItem (in progress) | 1000 | 1000 | 0 |',
    );
    expect(report).toContain('| Sluice aggregate | BatchGetItem | 10 | 0 | 400 |');
    expect(report).toContain('| Sluice aggregate | TransactWriteItems | 20 | 1800 | 0 |');
    expect(report).toContain('| Sluice aggregate | UpdateItem | 650 | 650 | 0 |');
    expect(report).toContain(
      '**lines per order (count + sum), markers in the group row, batches of 100** — Markers in the group row: the layout the write-unit goals are judged on. Total WCU: Sluice 650 (+ 325 RCU), naive `ADD` 700, Powertools idempotency + `ADD` 2700.',
    );
  });

  it('says NOT MET when markers in the group row cost more than twice the naive ADD', () => {
    const missed = goalsOf({ ...results(50, 100), cost: [markerTable, inRows(1500)] }).filter(
      (g) => g.met === false,
    );
    expect(missed).toEqual([
      {
        measurement:
          '2. Write units / 1000 changes, lines per order (count + sum), markers in the group row, batches of 100: Sluice vs naive `ADD`',
        figure: '1500 vs 700 WCU (2.14×); Sluice also reads 325 RCU',
        goal: '≤ 2× naive',
        met: false,
      },
    ]);
  });

  it('sets the in-process DynamoDB beside DynamoDB Local and the direct API', () => {
    const run = (totalMs: number, startupMs: number) => ({
      createMs: 1,
      firstWriteMs: 1,
      writesMs: totalMs - 2,
      streamReadMs: 1,
      totalMs,
      startupMs,
      records: 8000,
    });
    const report = renderReport({
      ...results(50, 100),
      inProcess: {
        writes: 10_000,
        rounds: 3,
        inProcess: run(500, 5),
        inProcessFirstStartupMs: 60,
        direct: { writesMs: 99, streamReadMs: 1, records: 8000 },
        local: { ...run(20_000, 4000), launchMs: 3000 },
      },
    });
    expect(report).toContain(
      '| 6. In-process DynamoDB vs DynamoDB Local: create, 10,000 DocumentClient writes, read the stream | 500.0 ms vs 20000.0 ms (40.00× faster) | ≥ 20× faster | met |',
    );
    expect(report).toContain(
      '| 6. Start-up in process: create the DynamoDB and its clients, create a table, first write answered | 60.0 ms first in the process, 5.0 ms after; DynamoDB Local 4000.0 ms (JVM launch 3000.0 ms) | < 50 ms | **NOT MET** |',
    );
    expect(report).toContain('the SDK path costs 5.0× the direct one');
  });

  it('holds the Lambda-only bundle to half of 94 KB and says what of it is io-ts and fp-ts', () => {
    const weight = (kb: number, importMs: number) => ({
      file: 'handler.mjs',
      bytes: kb * 1024,
      gzipBytes: kb * 300,
      dependencyBytes: 17 * 1024,
      importMs,
      importWithoutSdkMs: importMs / 4,
    });
    const coldStart = { imports: 5, sluice: weight(92, 100), powertools: weight(465, 120) };
    const goals = goalsOf({ ...results(50, 100), coldStart });
    const bundle = goals.find((g) => g.measurement.startsWith('3. Lambda-only handler bundle'))!;
    expect(bundle).toMatchObject({
      figure: '92.0 KB, of which io-ts + fp-ts 17.0 KB and Sluice 75.0 KB',
      goal: '≤ 47.0 KB (half of 94 KB)',
      met: false,
    });
    expect(bundle.measurement).toContain('`@sluice/projections/lambda` and `/dynamodb`');
  });

  it("shows where (c)'s time goes: decode, plan, apply and GC shares", () => {
    expect(renderReport(results(100, 100))).toContain(
      'decode 50%, planning 30%, applying to the in-memory store and batch bookkeeping 20%. Garbage-collection pauses',
    );
    expect(renderReport(results(100, 100))).toContain(
      "12% of (c)'s wall-clock time, 30% of (a′)'s.",
    );
  });

  it('shows how far the timed rounds of (a), decode only, (a′) and (c) spread', () => {
    const r = results(100, 100);
    const spread = { ...r.throughput!.handWritten, samplesMs: [120, 80, 100] };
    expect(renderReport({ ...r, throughput: { ...r.throughput!, handWritten: spread } })).toContain(
      '(wall clock, fastest–slowest): (a) 80.0–120.0 ms, decode only 50.0–50.0 ms, (a′) 60.0–60.0 ms, (c) 100.0–100.0 ms.',
    );
    expect(renderReport(r)).toContain(
      'Before every turn an untimed minor GC empties the young generation',
    );
  });
});
