import { existsSync, realpathSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import ts from 'typescript';
import { declarationProgram } from './declarationProgram.js';

/** Where a package's API is read from and what the report calls it. */
export interface ApiReportSource {
  /** What users import: `@sluice/projections`, or an entry point such as `@sluice/projections/lambda`. */
  readonly packageName: string;
  /** The entry declaration file, e.g. `<package>/dist/esm/index.d.ts`. */
  readonly declarationFile: string;
  /**
   * The package's other entry points: a type this one exposes and one of them exports is named as
   * an import from there, not printed again as if users could not name it.
   */
  readonly siblings?: readonly { readonly importName: string; readonly declarationFile: string }[];
}

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

// `export declare function f` and `declare function f; export { f }` are the same API.
const withoutExportKeywords = (text: string): string =>
  text.replace(/^export (default )?/, '').replace(/^declare /, '');

const printDeclaration = (node: ts.Declaration): string => {
  const sourceFile = node.getSourceFile();
  if (ts.isVariableDeclaration(node)) {
    const list = node.parent;
    const keyword =
      list.flags & ts.NodeFlags.Const ? 'const' : list.flags & ts.NodeFlags.Let ? 'let' : 'var';
    return `${keyword} ${printer.printNode(ts.EmitHint.Unspecified, node, sourceFile)};`;
  }
  return withoutExportKeywords(printer.printNode(ts.EmitHint.Unspecified, node, sourceFile));
};

/** The package directory (the one holding package.json) a declaration file belongs to. */
const packageDirOf = (file: string): string => {
  let dir = dirname(file);
  while (!existsSync(`${dir}/package.json`) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
};

/** `…/node_modules/fp-ts/lib/Either.d.ts` → `fp-ts/lib/Either.d.ts`, for foreign declarations. */
const foreignLocation = (file: string): string => {
  const marker = `${sep}node_modules${sep}`;
  const at = file.lastIndexOf(marker);
  return at === -1
    ? file
    : file
        .slice(at + marker.length)
        .split(sep)
        .join('/');
};

/**
 * Renders the public surface of a package from its built declarations: every export, sorted, with
 * its declaration printed without comments, followed by the package's own declarations that are not
 * exported but reachable from exported types (a user sees them without being able to name them),
 * and the names it exposes that the package's other entry points export.
 */
export const renderApiReport = ({
  packageName,
  declarationFile,
  siblings = [],
}: ApiReportSource): string => {
  const { program, entry } = declarationProgram(
    declarationFile,
    siblings.map((sibling) => sibling.declarationFile),
  );
  const ownDir = packageDirOf(entry);
  const checker = program.getTypeChecker();

  const resolve = (symbol: ts.Symbol): ts.Symbol =>
    symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const isOwn = (node: ts.Node): boolean => {
    const file = realpathSync(node.getSourceFile().fileName);
    return !relative(ownDir, file).startsWith('..') && !file.includes(`${sep}node_modules${sep}`);
  };

  const exportsOf = (file: string): ts.Symbol[] => {
    const source = program.getSourceFile(realpathSync(file));
    const symbol = source && checker.getSymbolAtLocation(source);
    if (symbol === undefined) throw new Error(`${file} is not a module`);
    return checker.getExportsOfModule(symbol);
  };
  const exportedBySibling = new Map<ts.Symbol, string>();
  for (const sibling of siblings) {
    for (const symbol of exportsOf(sibling.declarationFile)) {
      exportedBySibling.set(resolve(symbol), sibling.importName);
    }
  }
  /** Names this entry exposes that another entry point exports, by that entry point. */
  const elsewhere = new Map<string, Set<string>>();

  const exported = new Set<ts.Symbol>();
  const referenced: ts.Symbol[] = [];
  const noteReferences = (node: ts.Node): void => {
    const name = ts.isTypeReferenceNode(node)
      ? node.typeName
      : ts.isExpressionWithTypeArguments(node) || ts.isTypeQueryNode(node)
        ? ts.isExpressionWithTypeArguments(node)
          ? node.expression
          : node.exprName
        : undefined;
    const symbol = name && checker.getSymbolAtLocation(name);
    if (symbol !== undefined) {
      const target = resolve(symbol);
      const sibling = exported.has(target) ? undefined : exportedBySibling.get(target);
      // Only top-level declarations: type parameters and members are printed with their owner.
      const own = target.declarations?.some((d) => isOwn(d) && ts.isSourceFile(d.parent)) ?? false;
      if (sibling !== undefined) {
        elsewhere.set(sibling, (elsewhere.get(sibling) ?? new Set()).add(target.name));
      } else if (own && !exported.has(target) && !referenced.includes(target)) {
        referenced.push(target);
      }
    }
    ts.forEachChild(node, noteReferences);
  };

  const describe = (symbol: ts.Symbol, exportedAs: string): string[] => {
    const target = resolve(symbol);
    const declarations = target.declarations ?? [];
    const heading = `// ${exportedAs}${target.name !== exportedAs && target.name !== 'default' ? ` (declared as ${target.name})` : ''}`;
    const namespaceFile = declarations.find(ts.isSourceFile);
    if (namespaceFile !== undefined) {
      const members = checker
        .getExportsOfModule(target)
        .map((member) => member.name)
        .sort();
      return [heading, `namespace ${exportedAs} { ${members.join(', ')} }`];
    }
    return [
      heading,
      ...declarations.map((declaration) => {
        if (!isOwn(declaration)) {
          return `export { ${target.name} } from '${foreignLocation(declaration.getSourceFile().fileName)}';`;
        }
        ts.forEachChild(declaration, noteReferences);
        return printDeclaration(declaration);
      }),
    ];
  };

  const exports = exportsOf(entry)
    .slice()
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const symbol of exports) exported.add(resolve(symbol));

  const publicPart = exports.flatMap((symbol) => [...describe(symbol, symbol.name), '']);
  const hiddenPart: string[] = [];
  // `describe` keeps appending to `referenced`, so this walks the references transitively.
  for (let i = 0; i < referenced.length; i++) {
    const symbol = referenced[i];
    if (symbol !== undefined) hiddenPart.push(...describe(symbol, symbol.name), '');
  }

  const imports = [...elsewhere]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([from, names]) => `import { ${[...names].sort().join(', ')} } from '${from}';`);

  return [
    `# API report: ${packageName}`,
    '',
    '> Generated by `pnpm api:report` from the built declarations. Do not edit by hand: a change',
    '> here is a change to what users of the package can import, and is reviewed as one.',
    '',
    '## Exports',
    '',
    '```ts',
    ...publicPart,
    '```',
    '',
    ...(hiddenPart.length === 0
      ? []
      : ['## Reachable from the exports but not exported', '', '```ts', ...hiddenPart, '```', '']),
    ...(imports.length === 0
      ? []
      : ["## Exported by the package's other entry points", '', '```ts', ...imports, '```', '']),
  ].join('\n');
};
