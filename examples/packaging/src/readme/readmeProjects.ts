import type { Manifest } from '../workspace/publishablePackages.js';
import type { InstallLine } from './installLine.js';

/** A fresh project made from README install lines, where README examples must compile and run. */
export interface ReadmeProject {
  readonly name: string;
  /** The READMEs (paths from the repository root) whose install lines, together, make it. */
  readonly installs: readonly string[];
  /** The READMEs whose TypeScript examples must compile there, and run where they can. */
  readonly examples: readonly string[];
}

const core = 'packages/core/README.md';
const projections = 'packages/projections/README.md';
const offline = 'packages/offline/README.md';
const testing = 'packages/testing/README.md';
const cdk = 'packages/cdk/README.md';

/**
 * What a user does from each README: core alone; offline with what its install line names;
 * projections, with testing installed next to it as the testing README says; or everything, from
 * the root README's install line.
 */
export const readmeProjects: readonly ReadmeProject[] = [
  { name: 'core', installs: [core], examples: [core] },
  { name: 'offline', installs: [offline], examples: [offline] },
  { name: 'projections', installs: [projections, testing], examples: [projections, testing] },
  { name: 'cdk', installs: [cdk], examples: [cdk] },
  { name: 'root', installs: ['README.md'], examples: ['README.md', core, projections, testing] },
];

/** Installing `aws-lambda`'s types is what makes `import type … from 'aws-lambda'` compile. */
export const installedName = (imported: string): string =>
  imported === 'aws-lambda' ? '@types/aws-lambda' : imported;

/** The union of install lines; a package named for runtime and dev alike counts as runtime. */
export const combineInstallLines = (lines: readonly InstallLine[]): InstallLine => {
  const dependencies = [...new Set(lines.flatMap((line) => line.dependencies))];
  const devDependencies = [...new Set(lines.flatMap((line) => line.devDependencies))].filter(
    (name) => !dependencies.includes(name),
  );
  return { dependencies, devDependencies };
};

/**
 * The peers a user must install with the named Sluice packages: their non-optional peers and
 * those of the Sluice packages they depend on.
 */
export const requiredPeers = (
  installed: readonly string[],
  manifests: readonly Manifest[],
): string[] => {
  const byName = new Map(manifests.map((manifest) => [manifest.name, manifest]));
  const peers = new Set<string>();
  const visit = (name: string, seen: Set<string>) => {
    const manifest = byName.get(name);
    if (manifest === undefined || seen.has(name)) return;
    seen.add(name);
    const optional = (manifest.peerDependenciesMeta ?? {}) as Record<
      string,
      { optional?: boolean }
    >;
    for (const peer of Object.keys({ ...(manifest.peerDependencies as object) })) {
      if (optional[peer]?.optional !== true) peers.add(peer);
    }
    for (const dependency of Object.keys({ ...(manifest.dependencies as object) })) {
      visit(dependency, seen);
    }
  };
  for (const name of installed) visit(name, new Set());
  return [...peers].sort();
};

/**
 * The Sluice packages the named ones depend on, directly or through each other, that are not
 * named themselves (`@sluice/offline` under `@sluice/testing`).
 */
export const unnamedSluiceDependencies = (
  installed: readonly string[],
  manifests: readonly Manifest[],
): string[] => {
  const byName = new Map(manifests.map((manifest) => [manifest.name, manifest]));
  const found = new Set<string>();
  const visit = (name: string) => {
    for (const dependency of Object.keys({ ...(byName.get(name)?.dependencies as object) })) {
      if (!byName.has(dependency) || found.has(dependency)) continue;
      found.add(dependency);
      visit(dependency);
    }
  };
  for (const name of installed) visit(name);
  return [...found].filter((name) => !installed.includes(name)).sort();
};
