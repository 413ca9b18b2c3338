import { join } from 'node:path';
import { repoRoot, shortName, type WorkspacePackage } from '../workspace/publishablePackages.js';
import { renderApiReport } from './renderApiReport.js';

/** Where a package's checked-in API report lives: `packages/<pkg>/api-report/<pkg>.api.md`. */
export const apiReportPath = ({ dir, manifest }: WorkspacePackage): string =>
  join(repoRoot, dir, 'api-report', `${shortName(manifest.name)}.api.md`);

/** The API report of a package's current build, from its ESM or its CommonJS declarations. */
export const currentApiReport = (
  { dir, manifest }: WorkspacePackage,
  flavour: 'esm' | 'cjs' = 'esm',
): string =>
  renderApiReport({
    packageName: manifest.name,
    declarationFile: join(repoRoot, dir, 'dist', flavour, 'index.d.ts'),
  });
