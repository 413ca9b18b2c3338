import { realpathSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import ts from 'typescript';
import { declarationProgram } from './declarationProgram.js';

/**
 * Type-checks a package's own built declarations (not those of its dependencies, which is what
 * makes it fast) and returns every error in words: an import of a package it does not depend on,
 * a type that does not resolve, a declaration the emitter got wrong. Given the package's other
 * entry points, it checks them in the same program (the one the API reports use).
 */
export const declarationErrors = (
  declarationFile: string,
  otherEntries: readonly string[] = [],
): string[] => {
  const { program, entry } = declarationProgram(declarationFile, otherEntries);
  // `<package>/dist/`, wherever in it the entry sits (`dist/esm/index.d.ts`, `dist/esm/entries/…`).
  const marker = `${sep}dist${sep}`;
  const distDir = entry.includes(marker)
    ? entry.slice(0, entry.lastIndexOf(marker) + marker.length)
    : `${dirname(dirname(entry))}${sep}`;
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
