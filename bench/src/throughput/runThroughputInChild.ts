import { fileURLToPath } from 'node:url';
import { runInChild } from '../child/runInChild.js';
import { lambdaHeapFlags } from './lambdaHeapFlags.js';
import type { ThroughputOptions, ThroughputResult } from './measureThroughput.js';

const CHILD = fileURLToPath(new URL('./throughputChild.ts', import.meta.url));

/** The function memory the throughput is measured for: a common size for stream consumers. */
export const LAMBDA_MEMORY_MB = 1024;

/**
 * Runs `measureThroughput` in a fresh Node process started the way Lambda's Node.js runtime starts
 * a function of `LAMBDA_MEMORY_MB` (its heap flags), so every contestant runs in that heap.
 */
export const runThroughputInChild = (options: ThroughputOptions): Promise<ThroughputResult> =>
  runInChild(CHILD, options, lambdaHeapFlags(LAMBDA_MEMORY_MB));
