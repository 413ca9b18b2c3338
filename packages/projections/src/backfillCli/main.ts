#!/usr/bin/env node
import { runCli } from './runCli.js';

// SIGINT/SIGTERM stop the scan at a page boundary, with every segment checkpointed; a second
// signal kills at once (the checkpoints still allow a resume, re-reading a page per segment).
const controller = new AbortController();
const stop = () => {
  if (controller.signal.aborted) process.exit(130);
  process.stderr.write('\nstopping after the pages in hand (again to quit at once)\n');
  controller.abort();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

// No top-level await: the package is also built as CommonJS.
void runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
}).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`sluice-backfill: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
