import { existsSync, realpathSync } from 'node:fs';
import ts from 'typescript';

const programs = new Map<string, ts.Program>();

/**
 * A TypeScript program over a package's built entry declaration (and the package's other entry
 * points, when given), as a consumer's compiler sees it (nodenext, strict). Programs are cached
 * per set of files: each costs seconds and several checks share it.
 */
export const declarationProgram = (
  declarationFile: string,
  otherEntries: readonly string[] = [],
): { program: ts.Program; entry: string } => {
  for (const file of [declarationFile, ...otherEntries]) {
    if (!existsSync(file)) throw new Error(`${file} does not exist: run \`pnpm build\` first`);
  }
  const entry = realpathSync(declarationFile);
  const roots = [entry, ...otherEntries.map((file) => realpathSync(file))];
  // Sorted: every entry point of a package shares the one program over all of them.
  const key = [...roots].sort().join('\n');
  const cached = programs.get(key);
  if (cached !== undefined) return { program: cached, entry };
  const program = ts.createProgram(roots, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    types: ['node'],
  });
  programs.set(key, program);
  return { program, entry };
};
