import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHECK_PASSED } from './report/printSummary.js';

// The demo package's root: tsx resolves `@sluice/*` to the sources through its tsconfig paths.
const DEMO = fileURLToPath(new URL('../', import.meta.url));

/** Runs `tsx src/main.ts` (what `pnpm demo` runs once installed and built) and collects its output. */
const demo = (args: readonly string[]) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
      cwd: DEMO,
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

describe('pnpm demo', () => {
  it('runs a small workload end to end, prints the tables and passes its check', async () => {
    const { code, stdout, stderr } = await demo(['--orders', '50', '--tasks', '50']);

    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Sluice demo: 50 orders and 50 todo tasks, seed 42');
    expect(stdout).toMatch(/events processed +[\d,]+ stream records/);
    expect(stdout).toContain(CHECK_PASSED);
  });

  it('runs on DynamoDB Local with the stream poller when asked to', async () => {
    const { code, stdout, stderr } = await demo([
      '--dynamodb-local',
      '--orders',
      '30',
      '--tasks',
      '40',
    ]);

    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('on DynamoDB Local with the stream poller');
    expect(stdout).toContain('Summary (DynamoDB Local)');
    expect(stdout).toContain(CHECK_PASSED);
  }, 180_000);

  it('explains its options with --help', async () => {
    const { code, stdout } = await demo(['--help']);

    expect(code).toBe(0);
    expect(stdout).toContain('Usage: pnpm demo [options]');
    expect(stdout).toContain('--dynamodb-local');
  });

  it('refuses a bad option with a clear message and exit code 2', async () => {
    const { code, stdout, stderr } = await demo(['--orders', 'lots']);

    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('--orders expects a whole number, got "lots"');
    expect(stderr).toContain('pnpm demo --help');
  });
});
