import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** A bundled handler: where it is and how much it weighs. */
export interface HandlerBundle {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/**
 * Bundles a handler entry as one would deploy it to Lambda's Node.js 20 runtime: esbuild, minified,
 * ESM (`.mjs`), platform node, with `@aws-sdk/*` left external because the runtime provides it.
 */
export const bundleHandler = async (entry: URL, outfile: string): Promise<HandlerBundle> => {
  await build({
    entryPoints: [fileURLToPath(entry)],
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['@aws-sdk/*'],
    logLevel: 'error',
  });
  return {
    file: outfile,
    bytes: statSync(outfile).size,
    gzipBytes: gzipSync(readFileSync(outfile)).length,
  };
};
