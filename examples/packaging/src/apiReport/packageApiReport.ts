import { join } from 'node:path';
import { type EntryPoint, entryPointsOf } from '../workspace/entryPoints.js';
import { repoRoot, type WorkspacePackage } from '../workspace/publishablePackages.js';
import { renderApiReport } from './renderApiReport.js';

/**
 * Where an entry point's checked-in API report lives: `packages/<pkg>/api-report/<pkg>.api.md`
 * for the root, `<pkg>.<subpath>.api.md` for a subpath such as `@sluice/projections/lambda`.
 */
export const apiReportPath = ({ dir }: WorkspacePackage, entry: EntryPoint): string =>
  join(repoRoot, dir, 'api-report', `${entry.stem}.api.md`);

/** The API report of an entry point's current build, from its ESM or its CommonJS declarations. */
export const currentApiReport = (
  pkg: WorkspacePackage,
  entry: EntryPoint,
  flavour: 'esm' | 'cjs' = 'esm',
): string =>
  renderApiReport({
    packageName: entry.importName,
    declarationFile: entry.declarationFile[flavour],
    siblings: entryPointsOf(pkg)
      .filter((other) => other.subpath !== entry.subpath)
      .map((other) => ({
        importName: other.importName,
        declarationFile: other.declarationFile[flavour],
      })),
  });
