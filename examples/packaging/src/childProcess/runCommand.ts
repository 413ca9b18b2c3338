import { execFile } from 'node:child_process';

/** How a finished command ended: its exit code and its stdout and stderr interleaved by stream. */
export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where and how long a command may run; the environment overrides the current one (undefined: unset). */
export interface RunOptions {
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly timeoutMs?: number;
}

/**
 * Runs a command to completion without a shell and resolves with its result, whatever the exit
 * code: the tests decide what a failure means and print the output that explains it.
 */
export const runCommand = (
  command: string,
  args: readonly string[],
  { cwd, env = {}, timeoutMs = 120_000 }: RunOptions,
): Promise<CommandResult> =>
  new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        cwd,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
        timeout: timeoutMs,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        const why = error !== null && typeof error.code !== 'number' ? `\n${error.message}` : '';
        resolve({ code, stdout, stderr: stderr + why });
      },
    );
  });

/** The command line and its output, for an assertion message that explains a failure. */
export const describeRun = (command: string, args: readonly string[], result: CommandResult) =>
  `$ ${[command, ...args].join(' ')}\n(exit ${result.code})\n${result.stdout}\n${result.stderr}`;
