import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryPointsOf } from '../workspace/entryPoints.js';
import { publishablePackages, repoRoot } from '../workspace/publishablePackages.js';
import { declarationErrors } from './declarationErrors.js';
import { apiReportPath, currentApiReport } from './packageApiReport.js';

const regenerate = 'the public API changed: run `pnpm api:report` and review the diff of';

const entries = publishablePackages().flatMap((pkg) =>
  entryPointsOf(pkg).map((entry) => ({ pkg, entry, name: entry.importName })),
);

describe.each(entries)('$name', ({ pkg, entry }) => {
  const path = apiReportPath(pkg, entry);
  const where = relative(repoRoot, path);
  // Each report builds a TypeScript program (seconds): build each flavour's once.
  const reports = new Map<'esm' | 'cjs', string>();
  const reportOf = (flavour: 'esm' | 'cjs') =>
    reports.get(flavour) ??
    reports.set(flavour, currentApiReport(pkg, entry, flavour)).get(flavour);

  it('matches its checked-in API report', () => {
    expect(existsSync(path), `${where} is missing: run \`pnpm api:report\``).toBe(true);
    expect(reportOf('esm'), `${regenerate} ${where}`).toBe(readFileSync(path, 'utf8'));
  });

  it.each(['esm', 'cjs'] as const)(
    'ships %s declarations that type-check against its own dependencies',
    (flavour) => {
      const others = entryPointsOf(pkg)
        .filter((other) => other.subpath !== entry.subpath)
        .map((other) => other.declarationFile[flavour]);
      expect(declarationErrors(entry.declarationFile[flavour], others)).toEqual([]);
    },
  );

  it('declares the same API for require (CommonJS) as for import (ESM)', () => {
    expect(reportOf('cjs')).toBe(reportOf('esm'));
  });
});
