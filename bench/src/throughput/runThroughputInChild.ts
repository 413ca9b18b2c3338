import { fileURLToPath } from 'node:url';
import { runInChild } from '../child/runInChild.js';
import { LAMBDA_MEMORY_MB, lambdaHeapFlags } from './lambdaHeapFlags.js';
import type { ThroughputOptions, ThroughputResult } from './measureThroughput.js';

const CHILD = fileURLToPath(new URL('./throughputChild.ts', import.meta.url));

/**
 * Runs `measureThroughput` in a fresh Node process started the way Lambda's Node.js runtime starts
 * a function of `LAMBDA_MEMORY_MB` (its heap flags), so every contestant runs in that heap.
 */
export const runThroughputInChild = (options: ThroughputOptions): Promise<ThroughputResult> =>
  runInChild(CHILD, options, lambdaHeapFlags(LAMBDA_MEMORY_MB));
