import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeRun, runCommand } from '../childProcess/runCommand.js';

/** A throw-away npm project outside the workspace, as a user would create one. */
export interface ConsumerProject {
  readonly dir: string;
  readonly dependencies: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
  /** Files copied into the project, by name, from the given absolute paths. */
  readonly files?: Readonly<Record<string, string>>;
  /** JSON files written into the project (tsconfigs), by name. */
  readonly json?: Readonly<Record<string, unknown>>;
}

/** Creates the project and installs it with npm (not pnpm: no workspace, no symlinked store). */
export const installConsumerProject = async (project: ConsumerProject): Promise<string> => {
  mkdirSync(project.dir, { recursive: true });
  const manifest = {
    name: 'sluice-consumer',
    version: '1.0.0',
    private: true,
    dependencies: project.dependencies,
    devDependencies: project.devDependencies ?? {},
  };
  writeFileSync(join(project.dir, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const [name, from] of Object.entries(project.files ?? {})) {
    cpSync(from, join(project.dir, name));
  }
  for (const [name, value] of Object.entries(project.json ?? {})) {
    writeFileSync(join(project.dir, name), JSON.stringify(value, null, 2));
  }
  const args = ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];
  const result = await runCommand('npm', args, {
    cwd: project.dir,
    env: { npm_config_update_notifier: 'false' },
    timeoutMs: 240_000,
  });
  const log = describeRun('npm', args, result);
  if (result.code !== 0) throw new Error(log);
  return log;
};

/** One node of `npm ls --json --all`. */
interface NpmTreeNode {
  readonly version?: string;
  readonly dependencies?: Readonly<Record<string, NpmTreeNode>>;
}

/** Every package name in an `npm ls --json --all` tree. */
export const packagesInTree = (tree: NpmTreeNode): Set<string> => {
  const names = new Set<string>();
  const walk = (node: NpmTreeNode) => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      names.add(name);
      walk(child);
    }
  };
  walk(tree);
  return names;
};

/** The installed dependency tree, as `npm ls --all --json`, optionally without dev dependencies. */
export const installedTree = async (dir: string, omitDev: boolean): Promise<Set<string>> => {
  const args = ['ls', '--all', '--json', ...(omitDev ? ['--omit=dev'] : [])];
  const result = await runCommand('npm', args, { cwd: dir });
  // npm ls exits 1 on peer warnings yet prints the tree; only unparseable output is a failure.
  try {
    return packagesInTree(JSON.parse(result.stdout) as NpmTreeNode);
  } catch {
    throw new Error(describeRun('npm', args, result));
  }
};
