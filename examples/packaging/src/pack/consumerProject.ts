import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeRun, runCommand } from '../childProcess/runCommand.js';

/** The package managers a user may install with: npm hoists, pnpm lets code import only what it lists. */
export type PackageManager = 'npm' | 'pnpm';

/** A throw-away project outside the workspace, as a user would create one. */
export interface ConsumerProject {
  readonly dir: string;
  /** Default npm. */
  readonly manager?: PackageManager;
  readonly dependencies: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
  /** Files copied into the project, by name, from the given absolute paths. */
  readonly files?: Readonly<Record<string, string>>;
  /** JSON files written into the project (tsconfigs), by name. */
  readonly json?: Readonly<Record<string, unknown>>;
  /** Text files written into the project (sources), by name. */
  readonly texts?: Readonly<Record<string, string>>;
  /**
   * Where to take packages from wherever they are required (the tarballs, for the packages that
   * name each other with registry ranges). Only pnpm needs them: npm reuses the hoisted copy.
   */
  readonly overrides?: Readonly<Record<string, string>>;
}

/**
 * Environment overrides for anything run in a consumer project: without them, the NODE_PATH that
 * pnpm gives the test run would let `require` find the workspace's own packages.
 */
export const consumerEnvironment: Readonly<Record<string, undefined>> = {
  NODE_PATH: undefined,
  SLUICE_DYNAMODB_LOCAL_DIR: undefined,
};

/** How each manager installs a fresh project, offline when its cache allows. */
const installCommands: Record<PackageManager, readonly string[]> = {
  npm: ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
  pnpm: ['install', '--prefer-offline', '--reporter=append-only'],
};

/**
 * pnpm as strict as it goes: a required peer nobody installed fails the install instead of being
 * added quietly, so an install line that forgets one is caught.
 */
const strictPnpm = 'auto-install-peers=false\nstrict-peer-dependencies=true\n';

/** Creates the project and installs it with npm (hoisted) or pnpm (strict, symlinked). */
export const installConsumerProject = async (project: ConsumerProject): Promise<string> => {
  const manager = project.manager ?? 'npm';
  mkdirSync(project.dir, { recursive: true });
  const manifest = {
    name: 'sluice-consumer',
    version: '1.0.0',
    private: true,
    dependencies: project.dependencies,
    devDependencies: project.devDependencies ?? {},
    ...(manager === 'pnpm' && project.overrides ? { pnpm: { overrides: project.overrides } } : {}),
  };
  writeFileSync(join(project.dir, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const [name, from] of Object.entries(project.files ?? {})) {
    cpSync(from, join(project.dir, name));
  }
  for (const [name, value] of Object.entries(project.json ?? {})) {
    writeFileSync(join(project.dir, name), JSON.stringify(value, null, 2));
  }
  for (const [name, text] of Object.entries(project.texts ?? {})) {
    writeFileSync(join(project.dir, name), text);
  }
  if (manager === 'pnpm') writeFileSync(join(project.dir, '.npmrc'), strictPnpm);
  const args = installCommands[manager];
  const result = await runCommand(manager, args, {
    cwd: project.dir,
    env: { npm_config_update_notifier: 'false', ...consumerEnvironment },
    timeoutMs: 240_000,
  });
  const log = describeRun(manager, args, result);
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
