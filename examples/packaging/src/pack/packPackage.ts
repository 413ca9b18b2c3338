import { join } from 'node:path';
import { describeRun, runCommand } from '../childProcess/runCommand.js';
import { repoRoot, type WorkspacePackage } from '../workspace/publishablePackages.js';

/** Packs a workspace package with `pnpm pack` (which turns `workspace:` ranges into versions). */
export const packPackage = async ({ dir }: WorkspacePackage, destination: string) => {
  const args = ['pack', '--pack-destination', destination];
  const result = await runCommand('pnpm', args, { cwd: join(repoRoot, dir) });
  const tarball = result.stdout.trim().split('\n').at(-1)?.trim();
  if (result.code !== 0 || tarball === undefined || !tarball.endsWith('.tgz')) {
    throw new Error(describeRun('pnpm', args, result));
  }
  return tarball;
};

/** The files inside a tarball, relative to its `package/` folder. */
export const tarballEntries = async (tarball: string, cwd: string): Promise<string[]> => {
  const result = await runCommand('tar', ['-tzf', tarball], { cwd });
  if (result.code !== 0) throw new Error(describeRun('tar', ['-tzf', tarball], result));
  return result.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.replace(/^package\//, ''))
    .sort();
};
