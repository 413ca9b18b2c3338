import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const MODULE = fileURLToPath(new URL('./testSupport/recoveryProjections.ts', import.meta.url));
// tsx resolves `@sluice/*` to the sources through this package's tsconfig paths.
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const run = (args: readonly string[], stdin: string) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      cwd: PACKAGE_ROOT,
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(stdin);
  });

describe('the sluice-recover command (tsx src/recoveryCli/main.ts)', () => {
  it('prints its usage with --help; reads on-failure records from stdin and names what is wrong with them', async () => {
    const help = await run(['--help'], '');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: sluice-recover <command>/);
    const bad = await run(
      [
        'failed-batches',
        '--module',
        MODULE,
        '--export',
        'taskHistory',
        '--dead-letter-table',
        'letters',
        '--endpoint',
        'http://127.0.0.1:9',
      ],
      '{"DDBStreamBatchInfo":{"shardId":"s"}}\n',
    );
    expect(bad).toMatchObject({ status: 2, stdout: '' });
    expect(bad.stderr).toMatch(/^sluice-recover: stdin is not a DynamoDB on-failure record/);
  }, 60_000);
});
