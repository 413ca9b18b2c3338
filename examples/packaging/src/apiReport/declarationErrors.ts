import { realpathSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import ts from 'typescript';
import { declarationProgram } from './declarationProgram.js';

/**
 * Type-checks a package's own built declarations (not those of its dependencies, which is what
 * makes it fast) and returns every error in words: an import of a package it does not depend on,
 * a type that does not resolve, a declaration the emitter got wrong.
 */
export const declarationErrors = (declarationFile: string): string[] => {
  const { program, entry } = declarationProgram(declarationFile);
  const distDir = `${dirname(dirname(entry))}${sep}`;
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
