import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** What a shell block may refer to: the repository's scripts, packages and files. */
export interface Workspace {
  readonly root: string;
  readonly packageManager: string;
  readonly rootScripts: readonly string[];
  /** Workspace package name → its scripts. */
  readonly packageScripts: ReadonlyMap<string, readonly string[]>;
  /** Every package name the workspace depends on, and the workspace's own. */
  readonly knownPackages: ReadonlySet<string>;
}

/**
 * Problems with the commands of a shell block: scripts that do not exist, packages nobody
 * depends on, files that are not there, commands it does not know. Empty when all is well.
 */
export const shellProblems = (block: string, workspace: Workspace): string[] => {
  const problems: string[] = [];
  let cwd = workspace.root;
  // A backslash at the end of a line continues the command on the next one.
  for (const raw of block.replace(/\\\n\s*/g, ' ').split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const [command, ...args] = line.split(/\s+/);
    const script = (name: string | undefined) => {
      if (name === undefined || !workspace.rootScripts.includes(name))
        problems.push(`${line}: no root script "${name}"`);
    };
    if (command === 'npx' && args[0] === '-y' && args[1]?.startsWith('pnpm@')) {
      if (args[1] !== `pnpm@${workspace.packageManager}`)
        problems.push(`${line}: the repository pins pnpm@${workspace.packageManager}`);
      script(args[2]);
    } else if (command === 'pnpm' && args[0] === '--filter') {
      const scripts = workspace.packageScripts.get(args[1] ?? '');
      if (scripts === undefined) problems.push(`${line}: no workspace package "${args[1]}"`);
      else if (args[2] !== 'run' || !scripts.includes(args[3] ?? ''))
        problems.push(`${line}: ${args[1]} has no script "${args[3]}"`);
    } else if (command === 'pnpm') {
      script(args[0]);
    } else if (command === 'npm' && args[0] === 'install') {
      for (const name of args.slice(1).filter((arg) => !arg.startsWith('-')))
        if (!workspace.knownPackages.has(name)) problems.push(`${line}: unknown package ${name}`);
    } else if (command === 'tsx' || command === 'node') {
      const file = args.find((arg) => !arg.startsWith('-'));
      if (file === undefined || !existsSync(resolve(cwd, file)))
        problems.push(`${line}: no script ${file}`);
    } else if (command === 'cd') {
      cwd = resolve(cwd, args[0] ?? '');
      if (!existsSync(cwd)) problems.push(`${line}: no directory ${args[0]}`);
    } else if (command === 'sam' && (args[0] === 'build' || args[0] === 'deploy')) {
      const at = args.indexOf('--template-file');
      const template = at < 0 ? undefined : args[at + 1];
      if (template !== undefined && !existsSync(join(cwd, template)))
        problems.push(`${line}: no template ${template} in ${cwd}`);
    } else {
      problems.push(`${line}: a command the README check does not know`);
    }
  }
  return problems;
};
