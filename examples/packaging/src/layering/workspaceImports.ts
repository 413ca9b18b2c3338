import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { packageOf } from '../dependencies/importedPackages.js';
import { repoRoot, type WorkspacePackage } from '../workspace/publishablePackages.js';

/** One file's import of a workspace package. */
export interface WorkspaceImport {
  /** The importing file, relative to the repository root. */
  readonly file: string;
  /** The workspace package it reaches, by name. */
  readonly imported: string;
}

// Build output, installs and scratch copies are not the package's sources; the packaging consumer
// fixtures are installed into a project of their own, with their own package.json.
const SKIPPED = /(^|\/)(node_modules|dist|\.tmp|cdk\.out)$|^examples\/packaging\/consumer$/;
const SOURCE = /\.[cm]?[jt]sx?$/;

/** Every source file of a folder (relative to the repository root), tests and fixtures included. */
export const sourceFilesUnder = (dir: string, root: string = repoRoot): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (SKIPPED.test(path)) return [];
    if (entry.isDirectory()) return sourceFilesUnder(path, root);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });

/**
 * The workspace packages a file imports, by name (`@sluice/offline`) or by a relative path that
 * leaves its own package for another one's folder (`../../../projections/src/…`). Types, dynamic
 * imports and re-exports count: a test's imports need declaring as much as production code's.
 */
export const workspaceImportsOf = (
  file: string,
  text: string,
  packages: readonly WorkspacePackage[],
): WorkspaceImport[] => {
  const names = new Set(packages.map(({ manifest }) => manifest.name));
  const dirOf = (path: string) =>
    packages.find(({ dir }) => path === dir || path.startsWith(`${dir}/`))?.manifest.name;
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles.flatMap(({ fileName }) => {
    const byName = packageOf(fileName);
    if (byName !== undefined) return names.has(byName) ? [{ file, imported: byName }] : [];
    if (!fileName.startsWith('.')) return [];
    const target = relative(repoRoot, resolve(repoRoot, dirname(file), fileName)).split(sep);
    const owner = dirOf(target.join('/'));
    return owner === undefined || owner === dirOf(file) ? [] : [{ file, imported: owner }];
  });
};

/** Every import of a workspace package by the files of `pkg`, itself left out. */
export const workspaceImports = (
  pkg: WorkspacePackage,
  packages: readonly WorkspacePackage[],
  root: string = repoRoot,
): WorkspaceImport[] =>
  sourceFilesUnder(pkg.dir, root)
    .flatMap((file) => workspaceImportsOf(file, readFileSync(join(root, file), 'utf8'), packages))
    .filter(({ imported }) => imported !== pkg.manifest.name);
