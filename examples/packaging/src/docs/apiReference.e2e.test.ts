import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeRun, runCommand } from '../childProcess/runCommand.js';
import { repoRoot } from '../workspace/publishablePackages.js';

const typedoc = join(repoRoot, 'node_modules', '.bin', 'typedoc');
const config = join(repoRoot, 'examples', 'packaging', 'typedoc.json');
const scratch = mkdtempSync(join(tmpdir(), 'sluice-docs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs TypeDoc with an options file (`pnpm docs` runs the project's, into docs/api). */
const buildDocs = async (options: string, cwd: string) => {
  const args = ['--options', options, '--out', join(scratch, `out-${Math.random()}`)];
  const result = await runCommand(typedoc, args, { cwd, timeoutMs: 120_000 });
  return {
    result,
    output: result.stdout + result.stderr,
    log: describeRun('typedoc', args, result),
  };
};

describe('the API reference (TypeDoc)', () => {
  it('builds for every package without a warning (undocumented export, broken link, hidden type)', async () => {
    const { result, output, log } = await buildDocs(
      config,
      join(repoRoot, 'examples', 'packaging'),
    );
    expect(output, log).not.toMatch(/\[(warning|error)\]/);
    expect(result.code, log).toBe(0);
  }, 120_000);

  it('fails on an export without a doc comment and on a type users cannot name', async () => {
    // A stand-in for one of our packages: TypeDoc requires documentation by package name.
    writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: '@sluice/core' }));
    writeFileSync(join(scratch, 'hidden.ts'), '/** Not exported. */\nexport interface Hidden {}\n');
    writeFileSync(
      join(scratch, 'index.ts'),
      "import type { Hidden } from './hidden.js';\nexport const undocumentedExport = 1;\n" +
        '/** Exposes a type users cannot import. */\nexport declare const leaky: Hidden;\n',
    );
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, types: [] },
        files: ['index.ts'],
      }),
    );
    const fixtureConfig = join(scratch, 'typedoc.json');
    writeFileSync(
      fixtureConfig,
      JSON.stringify({
        extends: [config],
        name: 'fixture',
        entryPoints: ['./index.ts'],
        tsconfig: './tsconfig.json',
      }),
    );
    const { result, output, log } = await buildDocs(fixtureConfig, scratch);
    expect(result.code, log).not.toBe(0);
    expect(output, log).toMatch(/undocumentedExport .*does not have any documentation/);
    expect(output, log).toMatch(/Hidden, .* is referenced by leaky but not included/);
  }, 120_000);
});
