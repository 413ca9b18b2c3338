import { spawn } from 'node:child_process';

/**
 * Runs a benchmark script in a fresh Node process (this process's loader flags, plus `nodeFlags`)
 * with `options` as its JSON argument, and returns the JSON the script printed last.
 */
export const runInChild = <R>(
  script: string,
  options: unknown,
  nodeFlags: readonly string[],
): Promise<R> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, ...nodeFlags, script, JSON.stringify(options)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`the benchmark process ${script} exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as R);
    });
  });
