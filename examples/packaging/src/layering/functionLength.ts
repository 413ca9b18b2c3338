import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** Longer than this, a function must say why beside it. */
export const MAX_FUNCTION_LINES = 80;

/**
 * The one accepted form of that reason: a line comment `// long: <reason>` in the comments right
 * above the function (or above the declaration it is assigned in), with a reason of some words.
 */
const REASON = /^\s*\/\/ long: (\S.{9,})$/;
const COMMENT = /^\s*(\/\/|\/\*|\*)/;

/** A function, arrow or method longer than the limit, and the reason written beside it if any. */
export interface LongFunction {
  readonly file: string;
  readonly name: string;
  /** 1-based line of its first line. */
  readonly line: number;
  readonly lines: number;
  readonly reason: string | undefined;
}

const isFunction = (node: ts.Node): node is ts.FunctionLikeDeclaration =>
  ts.isFunctionDeclaration(node) ||
  ts.isFunctionExpression(node) ||
  ts.isArrowFunction(node) ||
  ts.isMethodDeclaration(node) ||
  ts.isConstructorDeclaration(node) ||
  ts.isGetAccessorDeclaration(node) ||
  ts.isSetAccessorDeclaration(node);

// The statement or member a function is declared in: `export const f = () => {` starts there.
const declarationOf = (node: ts.Node): ts.Node => {
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && parent.initializer === node)
    return ts.isVariableDeclarationList(parent.parent) ? parent.parent.parent : parent;
  if (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return parent;
  return node;
};

const nameOf = (node: ts.FunctionLikeDeclaration, source: ts.SourceFile): string => {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  if (node.name !== undefined) return node.name.getText(source);
  const parent = node.parent;
  if (
    (ts.isVariableDeclaration(parent) ||
      ts.isPropertyAssignment(parent) ||
      ts.isPropertyDeclaration(parent)) &&
    parent.name !== undefined
  )
    return parent.name.getText(source);
  return '(anonymous)';
};

// The reason in the block of comment lines right above `line` (0-based), if one has the form.
const reasonAbove = (lines: readonly string[], line: number): string | undefined => {
  for (let i = line - 1; i >= 0 && COMMENT.test(lines[i]!); i--) {
    const match = REASON.exec(lines[i]!);
    if (match !== null) return match[1]!.trim();
  }
  return undefined;
};

/** Every function in one source text longer than `max` lines, outer and inner alike. */
export const longFunctionsIn = (
  file: string,
  text: string,
  max = MAX_FUNCTION_LINES,
): LongFunction[] => {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const lines = text.split('\n');
  const found: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunction(node) && node.body !== undefined) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      if (end - start + 1 > max) {
        const first = source.getLineAndCharacterOfPosition(
          declarationOf(node).getStart(source),
        ).line;
        found.push({
          file,
          name: nameOf(node, source),
          line: start + 1,
          lines: end - start + 1,
          reason: reasonAbove(lines, Math.min(first, start)),
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
};

const SKIPPED = new Set(['node_modules', 'testSupport']);

const isSource = (name: string): boolean =>
  name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.endsWith('.test.ts');

const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    // Test support (contract suites, fixtures) is test code, as in the layering rules.
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : sourcesUnder(path);
    return isSource(entry.name) ? [path] : [];
  });

// Where the code lives whose functions are checked: every package's, example's and the bench's
// `src`. Test files and `testSupport/` are left out everywhere.
const SOURCE_ROOTS = ['packages', 'examples'];

/**
 * Every function longer than the limit in the sources under `root` (`packages/<name>/src`,
 * `examples/<name>/src`, `bench/src`; test files and `testSupport/` left out), with paths
 * relative to it.
 */
export const longFunctions = (root: string, max = MAX_FUNCTION_LINES): LongFunction[] => {
  const srcDirs = [
    ...SOURCE_ROOTS.flatMap((parent) =>
      readdirSync(join(root, parent), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => join(root, parent, entry.name, 'src')),
    ),
    join(root, 'bench', 'src'),
  ];
  return srcDirs
    .flatMap((src) => (existsSync(src) ? sourcesUnder(src) : []))
    .sort()
    .flatMap((path) => longFunctionsIn(relative(root, path), readFileSync(path, 'utf8'), max));
};
