import { describe, expect, it } from 'vitest';
import {
  type Manifest,
  type WorkspacePackage,
  workspacePackages,
} from '../workspace/publishablePackages.js';
import { declaredPackages, packageCycles, testOnlyMisuses } from './packageGraph.js';
import { type WorkspaceImport, workspaceImports, workspaceImportsOf } from './workspaceImports.js';

const undeclared = (pkg: WorkspacePackage, imports: readonly WorkspaceImport[]): string[] => {
  const declared = declaredPackages(pkg.manifest);
  const missing = imports
    .filter(({ imported }) => !declared.has(imported))
    .map(({ file, imported }) => `${file} imports ${imported}`);
  return [...new Set(missing)];
};

const manifest = (name: string, fields: Partial<Record<string, string[]>> = {}): Manifest => ({
  name,
  version: '0.0.0',
  ...Object.fromEntries(
    Object.entries(fields).map(([field, names]) => [
      field,
      Object.fromEntries((names ?? []).map((n) => [n, 'workspace:^'])),
    ]),
  ),
});

describe('the workspace package graph', () => {
  const packages = workspacePackages();
  const manifests = packages.map(({ manifest }) => manifest);

  it('declares, in each package.json, every workspace package its files import (tests included)', () => {
    const missing = packages.flatMap((pkg) => undeclared(pkg, workspaceImports(pkg, packages)));
    expect(missing, 'add to package.json (devDependencies for tests)').toEqual([]);
  });

  it('has no cycle between packages, devDependencies counted', () => {
    expect(packageCycles(manifests)).toEqual([]);
  });

  it('has @sluice/testing and @sluice/offline only as devDependencies (testing ships offline)', () => {
    expect(testOnlyMisuses(manifests)).toEqual([]);
  });
});

describe('the package graph checks, fed a deliberate violation', () => {
  const core = { dir: 'packages/core', manifest: manifest('@sluice/core') };
  const offline = {
    dir: 'packages/offline',
    manifest: manifest('@sluice/offline', { dependencies: ['@sluice/core'] }),
  };
  const projections = {
    dir: 'packages/projections',
    manifest: manifest('@sluice/projections', { dependencies: ['@sluice/core'] }),
  };
  const testing = {
    dir: 'packages/testing',
    manifest: manifest('@sluice/testing', { dependencies: ['@sluice/core', '@sluice/offline'] }),
  };
  const packages = [core, offline, projections, testing];

  it('report a test importing a package its package.json does not name, by name or by path', () => {
    const byName = workspaceImportsOf(
      'packages/projections/src/x/x.unit.test.ts',
      "import { InMemoryTable } from '@sluice/offline';\nimport { y } from '../y.js';\n",
      packages,
    );
    const byPath = workspaceImportsOf(
      'packages/testing/src/production/p.unit.test.ts',
      "import type { H } from '../../../projections/src/contract/testSupport/harness.js';\n",
      packages,
    );
    expect(undeclared(projections, byName)).toEqual([
      'packages/projections/src/x/x.unit.test.ts imports @sluice/offline',
    ]);
    expect(undeclared(testing, byPath)).toEqual([
      'packages/testing/src/production/p.unit.test.ts imports @sluice/projections',
    ]);
  });

  it('report a cycle that only devDependencies close', () => {
    const cyclic = manifest('@sluice/core', { devDependencies: ['@sluice/offline'] });
    expect(packageCycles([cyclic, offline.manifest, testing.manifest])).toEqual([
      ['@sluice/core', '@sluice/offline'],
    ]);
  });

  it('report a test-only package taken as a dependency or peer, except offline in testing', () => {
    const misused = [
      manifest('@sluice/projections', { dependencies: ['@sluice/offline'] }),
      manifest('@sluice/cdk', { peerDependencies: ['@sluice/testing'] }),
      testing.manifest,
    ];
    expect(testOnlyMisuses(misused)).toEqual([
      '@sluice/projections dependencies @sluice/offline',
      '@sluice/cdk peerDependencies @sluice/testing',
    ]);
  });
});
