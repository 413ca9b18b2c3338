import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ReplayOptions, ReplayResult } from './replay.js';

const CHILD = fileURLToPath(new URL('./replayChild.ts', import.meta.url));

/**
 * Runs `replay` in a fresh Node process (same loader flags as this one, plus `--expose-gc` so the
 * replay can tell retained memory from garbage) and returns its result.
 */
export const runReplayInChild = (options: ReplayOptions): Promise<ReplayResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, '--expose-gc', CHILD, JSON.stringify(options)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`the replay process exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as ReplayResult);
    });
  });
