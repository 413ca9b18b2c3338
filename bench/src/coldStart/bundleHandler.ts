import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** A bundled handler: where it is and how much it weighs. */
export interface HandlerBundle {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Bytes of the bundle that come from installed packages (`node_modules`), per esbuild's metafile. */
  readonly dependencyBytes: number;
}

const require = createRequire(import.meta.url);

/**
 * What the projections README's deploy section asks of a bundler: prefer a package's ES module
 * build (`module` before `main`), so fp-ts and io-ts tree-shake, and map `fp-ts/lib` (CommonJS,
 * which Sluice's dual build imports) onto `fp-ts/es6`, so one copy of fp-ts is bundled, as ESM.
 */
export const TREE_SHAKING_OPTIONS = {
  mainFields: ['module', 'main'],
  // esbuild resolves an alias from its working directory, not from the importing file: name
  // fp-ts's folder outright, so the bundle builds from any directory.
  alias: { 'fp-ts/lib': join(dirname(require.resolve('fp-ts/package.json')), 'es6') },
};

/**
 * Bundles a handler entry as one would deploy it to Lambda's Node.js 20 runtime: esbuild, minified,
 * ESM (`.mjs`), platform node, with `@aws-sdk/*` left external because the runtime provides it,
 * and `TREE_SHAKING_OPTIONS` for every handler alike.
 */
export const bundleHandler = async (entry: URL, outfile: string): Promise<HandlerBundle> => {
  const { metafile } = await build({
    entryPoints: [fileURLToPath(entry)],
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['@aws-sdk/*'],
    ...TREE_SHAKING_OPTIONS,
    logLevel: 'error',
    metafile: true,
  });
  let dependencyBytes = 0;
  for (const output of Object.values(metafile.outputs))
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs))
      if (input.includes('node_modules/')) dependencyBytes += bytesInOutput;
  return {
    file: outfile,
    bytes: statSync(outfile).size,
    gzipBytes: gzipSync(readFileSync(outfile)).length,
    dependencyBytes,
  };
};
