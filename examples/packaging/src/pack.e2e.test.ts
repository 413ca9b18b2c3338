import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, runCommand } from './childProcess/runCommand.js';
import { peersByJob } from './entryPoints/peersByJob.js';
import {
  consumerEnvironment,
  installConsumerProject,
  installedTree,
} from './pack/consumerProject.js';
import { filesEntryProblems } from './pack/filesEntries.js';
import { packPackage, tarballEntries } from './pack/packPackage.js';
import { entryPointsOf } from './workspace/entryPoints.js';
import {
  type Manifest,
  publishablePackages,
  readManifest,
  repoRoot,
} from './workspace/publishablePackages.js';

// Users install the packed tarballs, not the workspace: this file checks what they get.
const publishable = publishablePackages();
const names = publishable.map(({ manifest }) => manifest.name);
/** What users import: every package's root and every subpath its `exports` lists. */
const importNames = publishable.flatMap(entryPointsOf).map((entry) => entry.importName);
const fixtures = join(repoRoot, 'examples', 'packaging', 'consumer');
const scratch = mkdtempSync(join(tmpdir(), 'sluice-pack-'));
const consumer = join(scratch, 'consumer');
const coreOnly = join(scratch, 'core-only');
const lambdaOnly = join(scratch, 'lambda-only');
const tarballs = new Map<string, string>();
// Projects with installed node_modules: removing them can take minutes on a busy disk.
afterAll(() => rm(scratch, { recursive: true, force: true }), 600_000);

const rootDevDependencies = readManifest('.').devDependencies as Record<string, string>;
/** The peers a user installs: every required one (io-ts and fp-ts among them), no optional one. */
const peersOf = (manifests: readonly Manifest[]): Record<string, string> =>
  Object.fromEntries(
    manifests.flatMap((manifest) => {
      const optional = (manifest.peerDependenciesMeta ?? {}) as Record<
        string,
        { optional?: boolean }
      >;
      return Object.entries({ ...(manifest.peerDependencies as Record<string, string>) }).filter(
        ([name]) => optional[name]?.optional !== true,
      );
    }),
  );
const tarball = (name: string) => `file:${tarballs.get(name)}`;
const fixture = (...files: string[]) =>
  Object.fromEntries(files.map((file) => [file, join(fixtures, file)]));

/** What a TypeScript user adds to type-check against the packages. */
const typeChecking = {
  typescript: rootDevDependencies.typescript ?? 'latest',
  '@types/node': rootDevDependencies['@types/node'] ?? 'latest',
};

const strict = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noUnusedLocals: true,
  target: 'es2022',
  lib: ['es2022'],
  types: ['node'],
  // Checking every AWS SDK declaration would triple the time; ours are checked in apiReport/.
  skipLibCheck: true,
};

/** Runs `command` in a consumer project and returns stdout; a non-zero exit fails with the output. */
const runIn = async (dir: string, command: string, args: readonly string[]): Promise<string> => {
  const result = await runCommand(command, args, { cwd: dir, env: consumerEnvironment });
  expect(result.code, describeRun(command, args, result)).toBe(0);
  return result.stdout;
};
const tsc = (dir: string, project: string) =>
  runIn(dir, process.execPath, [
    join(dir, 'node_modules', 'typescript', 'bin', 'tsc'),
    '-p',
    project,
  ]);

describe('the packed packages, installed with npm outside the workspace', () => {
  beforeAll(async () => {
    for (const { dir } of publishable) {
      for (const flavour of ['esm', 'cjs']) {
        if (!existsSync(join(repoRoot, dir, 'dist', flavour, 'index.js'))) {
          throw new Error(`${dir}/dist/${flavour} is missing: run \`pnpm build\` first`);
        }
      }
    }
    for (const pkg of publishable) tarballs.set(pkg.manifest.name, await packPackage(pkg, scratch));
    const [core, projections, offline, testing, cdk] = [
      '@sluice/core',
      '@sluice/projections',
      '@sluice/offline',
      '@sluice/testing',
      '@sluice/cdk',
    ];
    await Promise.all([
      installConsumerProject({
        dir: consumer,
        dependencies: {
          ...peersOf(publishable.map(({ manifest }) => manifest)),
          [core]: tarball(core),
          [projections]: tarball(projections),
          [cdk]: tarball(cdk),
        },
        devDependencies: {
          [offline]: tarball(offline),
          [testing]: tarball(testing),
          ...typeChecking,
        },
        files: fixture(
          'exportNames.mjs',
          'exportNames.cjs',
          'deepImports.mjs',
          'coreConsumer.mts',
          'coreConsumer.cts',
          'allPackages.cts',
          'projectionSmoke.mts',
          'entryPoints.mts',
          'legacyConsumer.ts',
        ),
        json: {
          'tsconfig.json': {
            compilerOptions: {
              ...strict,
              module: 'nodenext',
              moduleResolution: 'nodenext',
              outDir: 'out',
            },
            files: [
              'coreConsumer.mts',
              'coreConsumer.cts',
              'allPackages.cts',
              'projectionSmoke.mts',
              'entryPoints.mts',
            ],
          },
          'tsconfig.node10.json': {
            compilerOptions: {
              ...strict,
              module: 'commonjs',
              moduleResolution: 'node10',
              noEmit: true,
            },
            files: ['legacyConsumer.ts'],
          },
          // What Vite, esbuild and webpack users type-check with: `exports`, `import` condition.
          'tsconfig.bundler.json': {
            compilerOptions: {
              ...strict,
              module: 'esnext',
              moduleResolution: 'bundler',
              noEmit: true,
            },
            files: ['entryPoints.mts', 'projectionSmoke.mts'],
          },
        },
      }),
      installConsumerProject({
        dir: coreOnly,
        dependencies: {
          ...peersOf(
            publishable.filter(({ manifest }) => manifest.name === core).map((p) => p.manifest),
          ),
          [core]: tarball(core),
        },
        devDependencies: typeChecking,
        files: fixture(
          'exportNames.mjs',
          'exportNames.cjs',
          'coreConsumer.mts',
          'coreConsumer.cts',
        ),
        json: {
          'tsconfig.json': {
            compilerOptions: {
              ...strict,
              module: 'nodenext',
              moduleResolution: 'nodenext',
              noEmit: true,
            },
            files: ['coreConsumer.mts', 'coreConsumer.cts'],
          },
        },
      }),
      // No AWS SDK client at all, with pnpm as strict as it goes: optional peers must stay optional.
      installConsumerProject({
        dir: lambdaOnly,
        manager: 'pnpm',
        dependencies: {
          ...peersOf(
            publishable
              .filter(({ manifest }) => manifest.name === core || manifest.name === projections)
              .map((p) => p.manifest),
          ),
          [core]: tarball(core),
          [projections]: tarball(projections),
        },
        overrides: { [core]: tarball(core), [projections]: tarball(projections) },
        files: fixture('lambdaOnly.mjs'),
      }),
    ]);
  }, 360_000);

  it('contain the build, its sources, README, LICENSE and package.json: no tests, no build info', async () => {
    for (const { manifest } of publishable) {
      const entries = await tarballEntries(tarballs.get(manifest.name) ?? '', scratch);
      const stray = entries.filter(
        (entry) =>
          !/^(package\.json|README\.md|LICENSE|CHANGELOG\.md)$/.test(entry) &&
          !/^dist\/(esm|cjs)\/.+\.(js|d\.ts|js\.map|d\.ts\.map)$/.test(entry) &&
          entry !== 'dist/cjs/package.json' &&
          !/^src\/.+\.ts$/.test(entry),
      );
      expect(stray, manifest.name).toEqual([]);
      expect(entries.filter((entry) => /\.test(-d)?\.(ts|js|d\.ts)$/.test(entry))).toEqual([]);
      for (const required of [
        'LICENSE',
        'README.md',
        'dist/cjs/index.d.ts',
        'dist/cjs/index.js',
        'dist/cjs/package.json',
        'dist/esm/index.d.ts',
        'dist/esm/index.js',
      ]) {
        expect(entries, manifest.name).toContain(required);
      }
    }
  });

  it('ship every entry of their `files` list, and nothing it excludes', async () => {
    for (const { manifest } of publishable) {
      const entries = await tarballEntries(tarballs.get(manifest.name) ?? '', scratch);
      expect(filesEntryProblems(manifest.files as string[], entries), manifest.name).toEqual([]);
    }
  });

  it('name each other with plain version ranges, never `workspace:`', () => {
    for (const name of names) {
      const installed = JSON.parse(
        readFileSync(join(consumer, 'node_modules', name, 'package.json'), 'utf8'),
      ) as Manifest;
      const ranges = Object.values({
        ...(installed.dependencies as object),
        ...(installed.peerDependencies as object),
      });
      expect(
        ranges.filter((range) => String(range).startsWith('workspace:')),
        name,
      ).toEqual([]);
    }
  });

  it('load every entry point with `import` (ESM) and `require` (CommonJS), exposing the same exports', async () => {
    const esm = JSON.parse(await runIn(consumer, 'node', ['exportNames.mjs', ...importNames]));
    const cjs = JSON.parse(await runIn(consumer, 'node', ['exportNames.cjs', ...importNames]));
    expect(cjs).toEqual(esm);
    expect(Object.keys(esm).sort()).toEqual([...importNames].sort());
    for (const name of importNames) expect(esm[name], name).not.toEqual([]);
  });

  it('expose only their entry points and package.json: deep imports fail', async () => {
    const results = JSON.parse(await runIn(consumer, 'node', ['deepImports.mjs', ...names]));
    for (const name of names) {
      expect(results[name], name).toEqual({
        importDist: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
        requireDist: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
        importSource: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
        requirePackageJson: 'loaded',
      });
    }
  });

  // The programs load every declaration of the AWS SDK: seconds each, so they run side by side.
  const compiled = () =>
    Promise.all([
      tsc(consumer, 'tsconfig.json'),
      tsc(consumer, 'tsconfig.node10.json'),
      tsc(consumer, 'tsconfig.bundler.json'),
    ]);
  let compiling: ReturnType<typeof compiled> | undefined;

  it('type-check strict consumers (nodenext ESM and CommonJS, node10, bundler) that then run', async () => {
    compiling ??= compiled();
    await compiling;
    expect(await runIn(consumer, 'node', ['out/coreConsumer.mjs'])).toContain('ok');
    expect(await runIn(consumer, 'node', ['out/coreConsumer.cjs'])).toContain('ok');
    expect(await runIn(consumer, 'node', ['out/allPackages.cjs'])).toContain('ok');
    expect(await runIn(consumer, 'node', ['out/entryPoints.mjs'])).toContain('ok');
  }, 120_000);

  it('run a projection test that uses @sluice/testing against @sluice/projections', async () => {
    compiling ??= compiled();
    await compiling;
    expect(await runIn(consumer, 'node', ['out/projectionSmoke.mjs'])).toContain('ok');
  }, 120_000);

  it('let a Lambda-only project leave out the AWS SDK: only entry points whose job needs it miss it', async () => {
    const entries = Object.keys(peersByJob);
    const results = JSON.parse(await runIn(lambdaOnly, 'node', ['lambdaOnly.mjs', ...entries]));
    for (const entry of entries) {
      const expected =
        peersByJob[entry]?.length === 0 ? 'loaded' : expect.stringMatching(/^missing @aws-sdk\//);
      expect(results[entry], entry).toEqual({ import: expected, require: expected });
    }
  }, 60_000);

  it('keep @sluice/testing and @sluice/offline out of the production dependency tree', async () => {
    const [all, production] = await Promise.all([
      installedTree(consumer, false),
      installedTree(consumer, true),
    ]);
    expect(all).toContain('@sluice/testing');
    expect(all).toContain('@sluice/offline');
    expect(production).toContain('@sluice/projections');
    expect(production).not.toContain('@sluice/testing');
    expect(production).not.toContain('@sluice/offline');
  }, 60_000);

  it('let @sluice/core be installed alone, with no projections or testing code', async () => {
    expect(readdirSync(join(coreOnly, 'node_modules', '@sluice'))).toEqual(['core']);
    const tree = await installedTree(coreOnly, false);
    expect(tree).toContain('@sluice/core');
    expect([...tree].filter((name) => name.startsWith('@sluice/'))).toEqual(['@sluice/core']);
    const esm = JSON.parse(await runIn(coreOnly, 'node', ['exportNames.mjs', '@sluice/core']));
    const cjs = JSON.parse(await runIn(coreOnly, 'node', ['exportNames.cjs', '@sluice/core']));
    expect(cjs).toEqual(esm);
    // Its declarations stand alone: no type from a package core does not depend on.
    await tsc(coreOnly, 'tsconfig.json');
    const core = await tarballEntries(tarballs.get('@sluice/core') ?? '', scratch);
    const mentions = core
      .filter((entry) => entry.startsWith('dist/'))
      .filter((entry) =>
        /@sluice\/(projections|offline|testing)/.test(
          readFileSync(join(coreOnly, 'node_modules', '@sluice', 'core', entry), 'utf8'),
        ),
      );
    expect(mentions, 'core must not reference projections or testing').toEqual([]);
  }, 120_000);
});
