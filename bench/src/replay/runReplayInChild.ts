import { fileURLToPath } from 'node:url';
import { runInChild } from '../child/runInChild.js';
import type { ReplayOptions, ReplayResult } from './replay.js';

const CHILD = fileURLToPath(new URL('./replayChild.ts', import.meta.url));

/**
 * Runs `replay` in a fresh Node process with default V8 flags (a poller is a plain long-running
 * process), plus `--expose-gc` so the replay can tell retained memory from garbage.
 */
export const runReplayInChild = (options: ReplayOptions): Promise<ReplayResult> =>
  runInChild(CHILD, options, ['--expose-gc']);
