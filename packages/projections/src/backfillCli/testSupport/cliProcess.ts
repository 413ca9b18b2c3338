import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
// tsx resolves `@sluice/*` to the sources through this package's tsconfig paths.
const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A `sluice-backfill` process and what it printed so far. */
export interface CliRun {
  readonly child: ChildProcess;
  readonly output: { stdout: string; stderr: string };
  readonly exited: Promise<number | null>;
}

const started = new Set<ChildProcess>();

/** Kills every command still running (test teardown, also after a failed test). */
export const killCliProcesses = (): void => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
  started.clear();
};

/** Starts `sluice-backfill` (its sources, through tsx) with these arguments. */
export const startCli = (args: readonly string[]): CliRun => {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: PACKAGE_ROOT,
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  const output = { stdout: '', stderr: '' };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output.stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output.stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output, exited };
};

/** Resolves once `condition` holds; throws after `timeoutMs`. */
export const until = async (condition: () => boolean, timeoutMs = 30_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};
