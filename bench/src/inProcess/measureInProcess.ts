import { performance } from 'node:perf_hooks';
import { InProcessDynamoDB } from '@sluice/testing';
import { median } from '../timing/median.js';
import { runDirectWorkload } from './directWorkload.js';
import { runSdkWorkload, type SdkWorkloadRun, type WorkloadClients } from './sdkWorkload.js';

/** Sizes of the in-process DynamoDB measurement. */
export interface InProcessOptions {
  readonly writes: number;
  /** In-process runs (each on a fresh instance); the figures are their medians. */
  readonly rounds: number;
}

/** One backend's figures for the workload, in milliseconds. */
export interface BackendRun extends SdkWorkloadRun {
  /** Create + every write + reading the stream. */
  readonly totalMs: number;
  /** From nothing to the first write answered (for DynamoDB Local: its launch included). */
  readonly startupMs: number;
}

/** Issue 13's comparison: the same SDK workload in process and on DynamoDB Local, and the direct API. */
export interface InProcessResult {
  readonly writes: number;
  readonly rounds: number;
  readonly inProcess: BackendRun;
  /** Start-up of the first instance in this process (code not yet warm). */
  readonly inProcessFirstStartupMs: number;
  readonly direct: {
    readonly writesMs: number;
    readonly streamReadMs: number;
    readonly records: number;
  };
  /** `launchMs` undefined: DynamoDB Local was already running, its start-up leaves the launch out. */
  readonly local?: BackendRun & { readonly launchMs: number | undefined };
}

/** A running DynamoDB Local, and how long it took to launch (`undefined`: it was already running). */
export interface LocalBackend {
  readonly clients: WorkloadClients;
  readonly launchMs: number | undefined;
}

let tables = 0;

const inProcessRun = async (writes: number): Promise<BackendRun> => {
  const t0 = performance.now();
  const db = new InProcessDynamoDB();
  const clients = {
    dynamodb: db.client(),
    documentClient: db.documentClient(),
    streams: db.streamsClient(),
  };
  const setUpMs = performance.now() - t0;
  const run = await runSdkWorkload(clients, { tableName: 'workload', writes });
  return {
    ...run,
    totalMs: setUpMs + run.createMs + run.writesMs + run.streamReadMs,
    startupMs: setUpMs + run.createMs + run.firstWriteMs,
  };
};

const medianRun = (runs: readonly BackendRun[]): BackendRun => {
  const of = (f: (r: BackendRun) => number) => median(runs.map(f));
  return {
    createMs: of((r) => r.createMs),
    firstWriteMs: of((r) => r.firstWriteMs),
    writesMs: of((r) => r.writesMs),
    streamReadMs: of((r) => r.streamReadMs),
    totalMs: of((r) => r.totalMs),
    startupMs: of((r) => r.startupMs),
    records: runs[0]!.records,
  };
};

/** The SDK workload once on DynamoDB Local; its start-up counts the JVM's launch when known. */
export const measureOnDynamoDBLocal = async (
  local: LocalBackend,
  writes: number,
): Promise<NonNullable<InProcessResult['local']>> => {
  const run = await runSdkWorkload(local.clients, {
    tableName: `bench-in-process-${process.pid}-${++tables}`,
    writes,
  });
  return {
    ...run,
    launchMs: local.launchMs,
    totalMs: run.createMs + run.writesMs + run.streamReadMs,
    startupMs: (local.launchMs ?? 0) + run.createMs + run.firstWriteMs,
  };
};

/**
 * Issue 13's performance figures: `writes` DocumentClient writes and a full stream read on a
 * fresh `InProcessDynamoDB` (`rounds` times, medians; the first start-up reported apart), the
 * same writes through `InMemoryTable`'s API, and, given one, the same workload on DynamoDB Local.
 */
export const measureInProcess = async (
  options: InProcessOptions,
  local?: LocalBackend,
): Promise<InProcessResult> => {
  const runs: BackendRun[] = [];
  const directs: ReturnType<typeof runDirectWorkload>[] = [];
  for (let round = 0; round < options.rounds; round++) {
    runs.push(await inProcessRun(options.writes));
    directs.push(runDirectWorkload(options.writes));
  }
  const inProcess = medianRun(runs);
  const direct = {
    writesMs: median(directs.map((d) => d.writesMs)),
    streamReadMs: median(directs.map((d) => d.streamReadMs)),
    records: directs[0]!.records,
  };
  const localRun = local ? await measureOnDynamoDBLocal(local, options.writes) : undefined;
  return {
    writes: options.writes,
    rounds: options.rounds,
    inProcess,
    inProcessFirstStartupMs: runs[0]!.startupMs,
    direct,
    ...(localRun ? { local: localRun } : {}),
  };
};
