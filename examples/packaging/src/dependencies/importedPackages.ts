import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { repoRoot } from '../workspace/publishablePackages.js';

const builtins = new Set(builtinModules);

/** `@aws-sdk/util-dynamodb/dist/x` → `@aws-sdk/util-dynamodb`; `fp-ts/lib/Either.js` → `fp-ts`. */
export const packageOf = (specifier: string): string | undefined => {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) {
    return undefined;
  }
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return name === undefined || builtins.has(name) ? undefined : name;
};

/** The source files that end up in a package's build: exactly those its `tsconfig.build.json` compiles. */
export const buildSourceFiles = (packageDir: string): readonly string[] => {
  const configPath = join(repoRoot, packageDir, 'tsconfig.build.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (parsed === undefined) throw new Error(`cannot read ${configPath}`);
  return parsed.fileNames.filter((file) => dirname(file).startsWith(join(repoRoot, packageDir)));
};

/** Every external package imported (values and types alike) by the files a package builds from. */
export const importedPackages = (packageDir: string): ReadonlySet<string> => {
  const names = new Set<string>();
  for (const file of buildSourceFiles(packageDir)) {
    const text = readFileSync(file, 'utf8');
    const { importedFiles } = ts.preProcessFile(text, true, true);
    // `require.resolve('x/package.json')` finds a package's files without importing it: still a dependency.
    const resolved = [...text.matchAll(/\.resolve\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
    for (const specifier of [...importedFiles.map((f) => f.fileName), ...resolved]) {
      const name = packageOf(specifier);
      if (name !== undefined) names.add(name);
    }
  }
  return names;
};

/** The peer dependencies of `name` as installed for the package in `packageDir` (none when absent); `required`: leaving out its optional ones. */
export const peersOf = (
  packageDir: string,
  name: string,
  which: 'all' | 'required' = 'all',
): readonly string[] => {
  const candidates = [join(repoRoot, packageDir), repoRoot].map((base) =>
    join(base, 'node_modules', name, 'package.json'),
  );
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) return [];
  const manifest = JSON.parse(readFileSync(found, 'utf8')) as {
    peerDependencies?: object;
    peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  };
  const peers = Object.keys(manifest.peerDependencies ?? {});
  return which === 'all'
    ? peers
    : peers.filter((peer) => manifest.peerDependenciesMeta?.[peer]?.optional !== true);
};
