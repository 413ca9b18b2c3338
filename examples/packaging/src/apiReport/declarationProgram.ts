import { existsSync, realpathSync } from 'node:fs';
import ts from 'typescript';

const programs = new Map<string, ts.Program>();

/**
 * A TypeScript program over a package's built entry declaration, as a consumer's compiler sees it
 * (nodenext, strict). Programs are cached per entry: each costs seconds and several checks share it.
 */
export const declarationProgram = (
  declarationFile: string,
): { program: ts.Program; entry: string } => {
  if (!existsSync(declarationFile)) {
    throw new Error(`${declarationFile} does not exist: run \`pnpm build\` first`);
  }
  const entry = realpathSync(declarationFile);
  const cached = programs.get(entry);
  if (cached !== undefined) return { program: cached, entry };
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    types: ['node'],
  });
  programs.set(entry, program);
  return { program, entry };
};
