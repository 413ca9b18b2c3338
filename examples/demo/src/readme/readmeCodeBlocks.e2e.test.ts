import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { atPointer, isExcerptOf } from './excerpts.js';
import { type CodeBlock, markdownBlocks } from './markdownBlocks.js';
import { mermaidEdges } from './mermaidFlow.js';
import { shellProblems, type Workspace } from './shellCommands.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const SCRATCH = fileURLToPath(new URL('../../.tmp/readme-blocks/', import.meta.url));

type Manifest = {
  name: string;
  scripts?: Record<string, string>;
  packageManager?: string;
} & Partial<
  Record<'dependencies' | 'devDependencies' | 'peerDependencies', Record<string, string>>
>;

const manifest = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as Manifest;
const workspaceDirs = ['packages', 'examples']
  .flatMap((group) => readdirSync(join(ROOT, group)).map((name) => join(group, name)))
  .concat('bench')
  .filter((dir) => existsSync(join(ROOT, dir, 'package.json')));

const rootManifest = manifest('.');
const manifests = [rootManifest, ...workspaceDirs.map(manifest)];
const workspace: Workspace = {
  root: ROOT,
  packageManager: (rootManifest.packageManager ?? '').replace(/^pnpm@/, ''),
  rootScripts: Object.keys(rootManifest.scripts ?? {}),
  packageScripts: new Map(manifests.map((m) => [m.name, Object.keys(m.scripts ?? {})])),
  knownPackages: new Set(
    manifests.flatMap((m) => [
      m.name,
      ...Object.keys({ ...m.dependencies, ...m.devDependencies, ...m.peerDependencies }),
    ]),
  ),
};

const readmes = ['README.md', ...workspaceDirs.map((dir) => join(dir, 'README.md'))].filter(
  (file) => existsSync(join(ROOT, file)),
);
const blocks = readmes.flatMap((file) =>
  markdownBlocks(file, readFileSync(join(ROOT, file), 'utf8')),
);
const where = (block: CodeBlock) => `${block.file}:${block.line}`;
const isTs = (block: CodeBlock) => block.lang === 'ts' || block.lang === 'typescript';

describe('the code blocks of the READMEs', () => {
  it('are all of a kind the check understands (`text` is for program output only)', () => {
    const unchecked = blocks.filter(
      (b) => !['ts', 'typescript', 'sh', 'bash', 'json', 'mermaid', 'text'].includes(b.lang),
    );
    expect(unchecked.map(where)).toEqual([]);
  });

  it('keep the Quick start to the two commands that work on a fresh machine', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const quickStart = markdownBlocks(
      'README.md',
      readme.slice(readme.indexOf('## Quick start')),
    )[0];
    expect(quickStart?.text).toBe(
      `npx -y pnpm@${workspace.packageManager} demo\nnpx -y pnpm@${workspace.packageManager} test`,
    );
  });

  it('quote their source files where they say they do (up to layout, which Biome owns)', () => {
    const stale = blocks
      .filter((block) => block.from !== undefined)
      .filter((block) => {
        const [path = '', pointer] = block.from!.split('#');
        const source = join(ROOT, path);
        if (!existsSync(source)) return true;
        const text = readFileSync(source, 'utf8');
        if (pointer === undefined) return !isExcerptOf(block.text, text);
        return (
          JSON.stringify(atPointer(JSON.parse(text), pointer)) !==
          JSON.stringify(JSON.parse(block.text))
        );
      });
    expect(stale.map((block) => `${where(block)} (from ${block.from})`)).toEqual([]);
  });

  it('name only scripts, packages and files that exist in shell blocks', () => {
    const problems = blocks
      .filter((block) => block.lang === 'sh' || block.lang === 'bash')
      .flatMap((block) => shellProblems(block.text, workspace).map((p) => `${where(block)}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('draw the flow table → stream → decode → plan → store → checkpoint', () => {
    const chart = blocks.find((block) => block.file === 'README.md' && block.lang === 'mermaid');
    const edges = new Set(mermaidEdges(chart?.text ?? '').map(([from, to]) => `${from}>${to}`));
    const flow = ['table', 'stream', 'decode', 'plan', 'store', 'checkpoint'];
    expect(flow.slice(1).filter((to, i) => !edges.has(`${flow[i]}>${to}`))).toEqual([]);
  });

  it('compile, when they are TypeScript of their own', () => {
    const own = blocks.filter((block) => isTs(block) && block.from === undefined);
    rmSync(SCRATCH, { recursive: true, force: true });
    mkdirSync(SCRATCH, { recursive: true });
    const files = new Map<string, CodeBlock>();
    own.forEach((block, i) => {
      const name = `block${i}_${block.file.replace(/\W+/g, '_')}.ts`;
      // Each block is a module of its own (top-level await, no clashes between blocks).
      const isModule = /^\s*(import|export)\s/m.test(block.text);
      writeFileSync(join(SCRATCH, name), `${block.text}\n${isModule ? '' : 'export {};\n'}`);
      files.set(name, block);
    });
    const up = relative(SCRATCH, ROOT);
    // `aws-lambda` types come with @sluice/projections; the rest resolves from the demo package.
    const lambdaTypes = createRequire(join(ROOT, 'packages/projections/package.json'))
      .resolve('@types/aws-lambda/package.json')
      .replace(/package\.json$/, 'index.d.ts');
    // `aws-cdk-lib` comes with @sluice/cdk (a peer it tests against).
    const cdkLib = createRequire(join(ROOT, 'packages/cdk/package.json'))
      .resolve('aws-cdk-lib/package.json')
      .replace(/package\.json$/, '');
    writeFileSync(
      join(SCRATCH, 'tsconfig.json'),
      JSON.stringify({
        extends: join(up, 'tsconfig.base.json'),
        compilerOptions: {
          noEmit: true,
          rootDir: up,
          noUnusedLocals: false,
          noUnusedParameters: false,
          paths: {
            '@sluice/core': [join(up, 'packages/core/src/index.ts')],
            '@sluice/projections': [join(up, 'packages/projections/src/index.ts')],
            '@sluice/projections/*': [join(up, 'packages/projections/src/entries/*.ts')],
            '@sluice/offline': [join(up, 'packages/offline/src/index.ts')],
            '@sluice/testing': [join(up, 'packages/testing/src/index.ts')],
            '@sluice/cdk': [join(up, 'packages/cdk/src/index.ts')],
            '@sluice/example-*': [join(up, 'examples/*/src/index.ts')],
            'aws-lambda': [lambdaTypes],
            'aws-cdk-lib': [join(cdkLib, 'index.d.ts')],
            'aws-cdk-lib/*': [join(cdkLib, '*')],
          },
        },
        include: ['*.ts'],
      }),
    );
    const tsc = createRequire(join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', SCRATCH], { encoding: 'utf8' });
    const errors = `${result.stdout}${result.stderr}`
      .split('\n')
      .filter((line) => /error TS\d+/.test(line))
      .map((line) => {
        const match = /(block\d+_\w+\.ts)\((\d+),\d+\): (.*)/.exec(line);
        const block = match ? files.get(match[1]!) : undefined;
        return block ? `${block.file}:${block.line + Number(match![2])}: ${match![3]}` : line;
      });
    expect(own.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  }, 180_000);
});
