#!/usr/bin/env node
import { runRecoveryCli } from './runRecoveryCli.js';

const readStdin = async (): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
};

// No top-level await: the package is also built as CommonJS.
void runRecoveryCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  readStdin,
}).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`sluice-recover: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
