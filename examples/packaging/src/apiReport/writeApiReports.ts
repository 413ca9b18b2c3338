// `pnpm api:report` writes the API report of every entry point of every package; `pnpm api:check`
// only compares (exit 1 on a difference, or on a report whose entry point is gone).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { entryPointsOf } from '../workspace/entryPoints.js';
import { publishablePackages, repoRoot } from '../workspace/publishablePackages.js';
import { apiReportPath, currentApiReport } from './packageApiReport.js';

const checkOnly = process.argv.includes('--check');
let stale = 0;
for (const pkg of publishablePackages()) {
  const written = new Set<string>();
  for (const entry of entryPointsOf(pkg)) {
    const path = apiReportPath(pkg, entry);
    written.add(path);
    const report = currentApiReport(pkg, entry);
    const checkedIn = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    const where = relative(repoRoot, path);
    if (checkedIn === report) {
      console.log(`${where}: up to date`);
    } else if (checkOnly) {
      stale++;
      console.error(`${where}: differs from the build of ${entry.importName}`);
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, report);
      console.log(`${where}: ${checkedIn === undefined ? 'written' : 'updated'}`);
    }
  }
  // A report left from an entry point that no longer exists describes nothing users can import.
  const reportDir = join(repoRoot, pkg.dir, 'api-report');
  for (const file of existsSync(reportDir) ? readdirSync(reportDir) : []) {
    const path = join(reportDir, file);
    if (!file.endsWith('.api.md') || written.has(path)) continue;
    if (checkOnly) {
      stale++;
      console.error(`${relative(repoRoot, path)}: no entry point of ${pkg.manifest.name} has it`);
    } else {
      rmSync(path);
      console.log(`${relative(repoRoot, path)}: removed (no such entry point)`);
    }
  }
}
if (stale > 0) {
  console.error('Run `pnpm api:report` and review the change to the public API.');
  process.exit(1);
}
