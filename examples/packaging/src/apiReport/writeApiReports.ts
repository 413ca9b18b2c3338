// `pnpm api:report` writes every package's API report; `pnpm api:check` only compares (exit 1 on a difference).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { publishablePackages, repoRoot } from '../workspace/publishablePackages.js';
import { apiReportPath, currentApiReport } from './packageApiReport.js';

const checkOnly = process.argv.includes('--check');
let stale = 0;
for (const pkg of publishablePackages()) {
  const path = apiReportPath(pkg);
  const report = currentApiReport(pkg);
  const checkedIn = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  const where = relative(repoRoot, path);
  if (checkedIn === report) {
    console.log(`${where}: up to date`);
  } else if (checkOnly) {
    stale++;
    console.error(`${where}: differs from the build of ${pkg.manifest.name}`);
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, report);
    console.log(`${where}: ${checkedIn === undefined ? 'written' : 'updated'}`);
  }
}
if (stale > 0) {
  console.error('Run `pnpm api:report` and review the change to the public API.');
  process.exit(1);
}
