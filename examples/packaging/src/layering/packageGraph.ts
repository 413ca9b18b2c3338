import type { Manifest } from '../workspace/publishablePackages.js';
import { stronglyConnected } from './stronglyConnected.js';

/** The manifest fields that make one workspace package depend on another. */
const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
] as const;

/** Packages for tests only: other packages may take them as devDependencies, never otherwise. */
export const TEST_ONLY_PACKAGES: ReadonlyMap<string, readonly string[]> = new Map([
  // The projection specs are built on the offline engine: testing ships it as a dependency.
  ['@sluice/offline', ['@sluice/testing']],
  ['@sluice/testing', []],
]);

const namesIn = (manifest: Manifest, field: (typeof DEPENDENCY_FIELDS)[number]): string[] =>
  Object.keys({ ...(manifest[field] as object | undefined) });

/** Every package a manifest names in any dependency field (devDependencies included). */
export const declaredPackages = (manifest: Manifest): ReadonlySet<string> =>
  new Set(DEPENDENCY_FIELDS.flatMap((field) => namesIn(manifest, field)));

/**
 * Cycles between workspace packages, counting devDependencies (a test that imports a package
 * which depends back on the tested one is a cycle too): each group of packages that reach each
 * other, sorted.
 */
export const packageCycles = (manifests: readonly Manifest[]): string[][] => {
  const workspace = new Set(manifests.map(({ name }) => name));
  const edges = new Map(
    manifests.map((manifest) => [
      manifest.name,
      new Set([...declaredPackages(manifest)].filter((name) => workspace.has(name))),
    ]),
  );
  return stronglyConnected(edges)
    .filter((group) => group.length > 1 || edges.get(group[0] ?? '')?.has(group[0] ?? ''))
    .map((group) => group.sort());
};

/** `@sluice/testing` or `@sluice/offline` named outside devDependencies, as `name field dependency`. */
export const testOnlyMisuses = (manifests: readonly Manifest[]): string[] =>
  manifests.flatMap((manifest) =>
    DEPENDENCY_FIELDS.filter((field) => field !== 'devDependencies').flatMap((field) =>
      namesIn(manifest, field)
        .filter((name) => {
          const allowedIn = TEST_ONLY_PACKAGES.get(name);
          return allowedIn !== undefined && !allowedIn.includes(manifest.name);
        })
        .map((name) => `${manifest.name} ${field} ${name}`),
    ),
  );
