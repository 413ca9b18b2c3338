import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { shellProblems, type Workspace } from './shellCommands.js';

const workspace: Workspace = {
  root: fileURLToPath(new URL('../../../../', import.meta.url)),
  packageManager: '10.34.9',
  rootScripts: ['demo', 'test'],
  packageScripts: new Map([['@sluice/example-orders', ['template']]]),
  knownPackages: new Set(['@sluice/core', 'io-ts']),
};

describe('README shell blocks', () => {
  it('accept scripts, packages, folders and templates that exist', () => {
    const block = [
      'npx -y pnpm@10.34.9 demo  # the demo',
      'pnpm test',
      'pnpm --filter @sluice/example-orders run template',
      'npm install @sluice/core io-ts',
      'cd examples/orders',
      'sam build --template-file template.json',
    ].join('\n');
    expect(shellProblems(block, workspace)).toEqual([]);
  });

  it('name what does not exist', () => {
    const block = [
      'npx -y pnpm@9.0.0 demo',
      'pnpm bench',
      'pnpm --filter @sluice/example-orders run deploy',
      'npm install @sluice/kore',
      'sam build --template-file nowhere.json',
      'make deploy',
    ].join('\n');
    expect(shellProblems(block, workspace)).toEqual([
      'npx -y pnpm@9.0.0 demo: the repository pins pnpm@10.34.9',
      'pnpm bench: no root script "bench"',
      'pnpm --filter @sluice/example-orders run deploy: @sluice/example-orders has no script "deploy"',
      'npm install @sluice/kore: unknown package @sluice/kore',
      expect.stringContaining('sam build --template-file nowhere.json: no template nowhere.json'),
      'make deploy: a command the README check does not know',
    ]);
  });
});
