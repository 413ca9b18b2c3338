// The function the construct tests bundle: real esbuild bundling, nothing to run.
export const handler = async () => ({ batchItemFailures: [] });
