import type { ReadmeBlock } from './readmeBlocks.js';

/** What a README's Install section tells users to add, by package name. */
export interface InstallLine {
  readonly dependencies: readonly string[];
  readonly devDependencies: readonly string[];
}

const DEV_FLAGS = new Set(['--save-dev', '-D']);

/**
 * The packages of the `npm install` commands in the shell blocks of a README's `## Install`
 * section; `--save-dev`/`-D` makes them dev dependencies. Comments (`# …`) are ignored.
 */
export const installLineOf = (blocks: readonly ReadmeBlock[]): InstallLine => {
  const dependencies: string[] = [];
  const devDependencies: string[] = [];
  const commands = blocks
    .filter((block) => block.section === 'Install' && ['sh', 'bash'].includes(block.lang))
    .flatMap((block) => block.text.split('\n'))
    .map((line) => line.replace(/#.*$/, '').trim().split(/\s+/))
    .filter(([command, verb]) => command === 'npm' && (verb === 'install' || verb === 'i'));
  for (const [, , ...args] of commands) {
    const names = args.filter((arg) => !arg.startsWith('-'));
    (args.some((arg) => DEV_FLAGS.has(arg)) ? devDependencies : dependencies).push(...names);
  }
  return { dependencies, devDependencies };
};
