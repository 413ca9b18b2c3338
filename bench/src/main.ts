// `pnpm bench`: runs the benchmarks of issues 7, 13 and 18 in one process, prints the report and writes BENCHMARKS.md.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { connectDynamoDBLocal, startDynamoDBLocal } from '@sluice/testing';
import { type BenchOptions, type Measurement, parseBenchArgs } from './cli/benchOptions.js';
import { measureColdStart } from './coldStart/measureColdStart.js';
import { measureRequestCosts } from './cost/measureRequestCosts.js';
import { measureInProcess, measureOnDynamoDBLocal } from './inProcess/measureInProcess.js';
import { measureLag } from './lag/measureLag.js';
import { runReplayInChild } from './replay/runReplayInChild.js';
import type { BenchResults } from './report/benchResults.js';
import { machineInfo } from './report/machineInfo.js';
import { renderReport } from './report/renderReport.js';
import { runThroughputInChild } from './throughput/runThroughputInChild.js';

const benchRoot = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = join(benchRoot, '..');
const log = (message: string) => console.error(`[bench] ${message}`);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// DynamoDB Local at `endpoint`, or a fresh one with the time its JVM took to answer (issue 13's
// start-up comparison).
const launchDynamoDBLocal = async (endpoint: string | undefined) => {
  log(endpoint ? `using DynamoDB Local at ${endpoint}` : 'starting DynamoDB Local…');
  if (endpoint)
    return {
      local: { ...connectDynamoDBLocal(endpoint), stop: async () => undefined },
      launchMs: undefined,
    };
  const launchStart = performance.now();
  const local = await startDynamoDBLocal();
  return { local, launchMs: performance.now() - launchStart };
};

const run = async (options: BenchOptions): Promise<BenchResults> => {
  const started = performance.now();
  const machine = machineInfo();
  const { sizes, only } = options;
  const results: Mutable<Partial<BenchResults>> = {};
  const failures: { measurement: Measurement; message: string }[] = [];
  const attempt = async (measurement: Measurement, body: () => Promise<void>) => {
    if (!only.includes(measurement)) return;
    log(`${measurement}…`);
    const start = performance.now();
    try {
      await body();
      log(`${measurement} done in ${((performance.now() - start) / 1000).toFixed(0)} s`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log(`${measurement} FAILED: ${message}`);
      failures.push({ measurement, message: message.split('\n')[0] ?? message });
    }
  };
  // CPU-bound measurements first, before DynamoDB Local's JVM competes for the cores.
  await attempt('throughput', async () => {
    results.throughput = await runThroughputInChild(sizes.throughput);
  });
  await attempt('replay', async () => {
    results.replay = await runReplayInChild({ changes: sizes.replay.changes });
    results.replayReference = await runReplayInChild({
      changes: sizes.replay.changes,
      pipeline: 'unmarshall',
    });
  });
  await attempt('coldStart', async () => {
    const outDir = join(benchRoot, '.tmp', 'coldStart');
    results.coldStart = await measureColdStart({ imports: sizes.coldStart.imports, outDir });
  });
  // The in-process half of issue 13's comparison is CPU-bound too: before the JVM starts.
  await attempt('inProcess', async () => {
    results.inProcess = await measureInProcess(sizes.inProcess);
  });
  if (only.includes('cost') || only.includes('lag') || only.includes('inProcess')) {
    const { local, launchMs } = await launchDynamoDBLocal(options.endpoint);
    try {
      // First, while DynamoDB Local's tables are empty and its JVM as fresh as a test run finds it.
      const inProcess = results.inProcess;
      if (inProcess)
        await attempt('inProcess', async () => {
          const onLocal = await measureOnDynamoDBLocal(
            { clients: local.clients, launchMs },
            sizes.inProcess.writes,
          );
          results.inProcess = { ...inProcess, local: onLocal };
        });
      await attempt('cost', async () => {
        results.cost = await measureRequestCosts(local.clients, sizes.cost);
      });
      await attempt('lag', async () => {
        results.lag = await measureLag(local.clients, sizes.lag);
      });
    } finally {
      local.destroy();
      await local.stop();
    }
  }
  return {
    ...results,
    machine,
    quick: options.quick,
    sizes,
    ran: only,
    durationSeconds: (performance.now() - started) / 1000,
    loadAtEnd: loadavg()[0] ?? 0,
    failures,
  };
};

const parsed = parseBenchArgs(process.argv.slice(2), join(repoRoot, 'BENCHMARKS.md'));
if (!parsed.ok) {
  const help = parsed.problem._tag === 'Help';
  (help ? console.log : console.error)(parsed.problem.message);
  process.exit(help ? 0 : 2);
}
const results = await run(parsed.options);
const report = renderReport(results);
console.log(report);
if (parsed.options.out !== undefined) {
  writeFileSync(parsed.options.out, `${report}\n`);
  log(`wrote ${parsed.options.out}`);
}
if (results.failures.length > 0) process.exitCode = 1;
