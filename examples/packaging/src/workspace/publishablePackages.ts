import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the monorepo root. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** The fields of a package.json this folder's checks read. */
export interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly [field: string]: unknown;
}

/** A workspace package: its folder (relative to the root) and its parsed package.json. */
export interface WorkspacePackage {
  readonly dir: string;
  readonly manifest: Manifest;
}

/** Reads the package.json in `dir` (relative to the repository root). */
export const readManifest = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8')) as Manifest;

const packagesIn = (parent: string): WorkspacePackage[] =>
  readdirSync(join(repoRoot, parent), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${parent}/${entry.name}`)
    .flatMap((dir) => {
      try {
        return [{ dir, manifest: readManifest(dir) }];
      } catch {
        return []; // a folder without package.json is not a workspace package
      }
    });

/** Every package of the workspace (`packages/*`, `examples/*`, `bench`), in a stable order. */
export const workspacePackages = (): WorkspacePackage[] => [
  ...packagesIn('packages'),
  ...packagesIn('examples'),
  { dir: 'bench', manifest: readManifest('bench') },
];

/** The packages users install from the registry: every non-private one under `packages/`. */
export const publishablePackages = (): WorkspacePackage[] =>
  packagesIn('packages').filter((pkg) => pkg.manifest.private !== true);

/** `@sluice/core` → `core`: the folder and file stem used for per-package artefacts. */
export const shortName = (name: string): string => name.replace(/^@[^/]+\//, '');
