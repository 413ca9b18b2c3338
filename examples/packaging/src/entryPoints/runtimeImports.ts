import { build } from 'esbuild';
import { packageOf } from '../dependencies/importedPackages.js';

/**
 * The packages a module and everything it imports load at runtime, found by bundling it the way a
 * user's bundler would: type-only imports vanish, only what executes is left.
 */
export const runtimeImports = async (entryFile: string): Promise<string[]> => {
  const { metafile } = await build({
    entryPoints: [entryFile],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    // No tsconfig `paths`: a workspace package stays an import of its own, as once published.
    tsconfigRaw: {},
    logLevel: 'silent',
  });
  const names = Object.values(metafile.inputs)
    .flatMap((input) => input.imports)
    .filter((imported) => imported.external === true)
    .flatMap((imported) => packageOf(imported.path) ?? []);
  return [...new Set(names)].sort();
};
