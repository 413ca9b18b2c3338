/** The function memory the throughput is measured for: a common size for stream consumers. */
export const LAMBDA_MEMORY_MB = 1024;

/**
 * The V8 heap flags AWS Lambda's Node.js runtime starts a function with (its `bootstrap` script):
 * a tenth of the function's memory for the young generation, split into two semi-spaces, the rest
 * for the old generation, and `--expose-gc`. Throughput per invocation is measured under them.
 */
export const lambdaHeapFlags = (memoryMb: number): string[] => {
  const newSpace = Math.floor(memoryMb / 10);
  return [
    '--expose-gc',
    `--max-semi-space-size=${Math.floor(newSpace / 2)}`,
    `--max-old-space-size=${memoryMb - newSpace}`,
  ];
};
