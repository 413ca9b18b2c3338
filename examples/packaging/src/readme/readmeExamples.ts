import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { packageOf } from '../dependencies/importedPackages.js';
import { repoRoot } from '../workspace/publishablePackages.js';
import { type InstallLine, installLineOf } from './installLine.js';
import { type ReadmeBlock, readmeBlocks } from './readmeBlocks.js';

/** A TypeScript example of a README that a user can paste into a project of their own. */
export interface ReadmeExample {
  readonly block: ReadmeBlock;
  /** The packages it imports, `aws-lambda` (types only) included. */
  readonly imports: ReadonlySet<string>;
  /** False when it needs values it only declares, or builds AWS SDK clients that would reach AWS. */
  readonly runnable: boolean;
}

/** The blocks of a README (path relative to the repository root). */
export const blocksOf = (readme: string): ReadmeBlock[] =>
  readmeBlocks(readme, readFileSync(join(repoRoot, readme), 'utf8'));

/** What the README's Install section says to install. */
export const installLineOfReadme = (readme: string): InstallLine => installLineOf(blocksOf(readme));

/**
 * The README's own TypeScript examples: excerpts of the repository's files and blocks importing
 * the workspace-only example packages are not things a user can paste, so they are left out.
 */
export const readmeExamples = (readme: string): ReadmeExample[] =>
  blocksOf(readme)
    .filter((block) => (block.lang === 'ts' || block.lang === 'typescript') && !block.excerpt)
    .map((block) => {
      const specifiers = ts.preProcessFile(block.text, true, true).importedFiles;
      const imports = new Set(specifiers.flatMap(({ fileName }) => packageOf(fileName) ?? []));
      const runnable =
        !/^\s*declare\s/m.test(block.text) &&
        ![...imports].some((name) => name.startsWith('@aws-sdk/'));
      return { block, imports, runnable };
    })
    .filter(({ imports }) => ![...imports].some((name) => name.startsWith('@sluice/example-')));
