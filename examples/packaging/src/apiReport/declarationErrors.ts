import { existsSync, realpathSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import ts from 'typescript';

/**
 * Type-checks a package's own built declarations (not those of its dependencies, which is what
 * makes it fast) and returns every error in words: an import of a package it does not depend on,
 * a type that does not resolve, a declaration the emitter got wrong.
 */
export const declarationErrors = (declarationFile: string): string[] => {
  if (!existsSync(declarationFile)) {
    throw new Error(`${declarationFile} does not exist: run \`pnpm build\` first`);
  }
  const entry = realpathSync(declarationFile);
  const distDir = `${dirname(dirname(entry))}${sep}`;
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    types: ['node'],
  });
  return program
    .getSourceFiles()
    .filter((file) => realpathSync(file.fileName).startsWith(distDir))
    .flatMap((file) => [
      ...program.getSyntacticDiagnostics(file),
      ...program.getSemanticDiagnostics(file),
    ])
    .map((diagnostic) => {
      const where = diagnostic.file
        ? `${diagnostic.file.fileName}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}: `
        : '';
      return `${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
};
