import { checkProjections } from './check/checkProjections.js';
import type { DemoOptions } from './cli/demoOptions.js';
import { runInMemory } from './memory/runInMemory.js';
import { poisonAndRedrive } from './redrive/poisonAndRedrive.js';
import { printRedriveScene } from './redrive/printRedriveScene.js';
import { count } from './report/format.js';
import { printSummary } from './report/printSummary.js';
import { printTables } from './report/printTables.js';
import { type Output, type Progress, progressOn } from './report/progress.js';
import type { DemoRun } from './run/demoRun.js';
import { printSeedUseCases, seedUseCasesExact } from './seedUseCases/printSeedUseCases.js';
import { seedUseCasesScene } from './seedUseCases/seedUseCasesScene.js';

/** How to run the engine chosen by the options (DynamoDB Local comes in separately, it needs Java). */
export type Engine = (options: DemoOptions, progress: Progress, out: Output) => Promise<DemoRun>;

/**
 * Runs the demo: generates the workload, runs the three examples on the chosen engine, prints
 * their tables and the summary, then shows poison records dead-lettered and redriven after a
 * codec fix, then the todo replica, an e-mail lookup and shipping e-mails under faulty deliveries.
 * Resolves with whether every projection was exact.
 */
export const runDemo = async (
  options: DemoOptions,
  out: Output,
  engines: { readonly dynamodbLocal?: Engine } = {},
  progress: Progress = progressOn(out, 'running'),
): Promise<boolean> => {
  const engine = options.dynamodbLocal ? engines.dynamodbLocal : runInMemory;
  if (engine === undefined) throw new Error('no DynamoDB Local engine was given');
  out.write(
    `Sluice demo: ${count(options.orders)} orders and ${count(options.tasks)} todo tasks, ` +
      `seed ${options.seed}, ${options.dynamodbLocal ? 'on DynamoDB Local with the stream poller' : 'in memory with a Lambda-like driver'}\n`,
  );
  const run = await engine(options, progress, out);
  try {
    await printTables(run, out);
    const exact = printSummary(run, checkProjections(run), out);
    const scene = await poisonAndRedrive(options.seed);
    printRedriveScene(scene, out);
    const useCases = await seedUseCasesScene(options.seed);
    printSeedUseCases(useCases, out);
    return exact && scene.equalsCleanPass && scene.lettersLeft === 0 && seedUseCasesExact(useCases);
  } finally {
    await run.close();
  }
};
