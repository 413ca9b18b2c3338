import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';

/**
 * Bundling options under which esbuild tree-shakes io-ts and fp-ts: prefer each package's ES
 * module build (`module` before `main`), and map `fp-ts/lib` (CommonJS, which Sluice's dual build
 * imports) onto `fp-ts/es6`, so one copy of fp-ts is bundled, as ESM. Sluice's Lambda handler
 * bundle shrinks by about a third. esbuild resolves an alias from its working directory, not from
 * the importing file, so the alias names the fp-ts that `entry` resolves; when it resolves none,
 * only `mainFields` is set.
 */
export const treeShakingBundling = (
  entry: string,
): Pick<BundlingOptions, 'mainFields' | 'esbuildArgs'> => {
  let fpTs: string | undefined;
  try {
    fpTs = dirname(createRequire(entry).resolve('fp-ts/package.json'));
  } catch {
    fpTs = undefined;
  }
  return {
    mainFields: ['module', 'main'],
    ...(fpTs === undefined ? {} : { esbuildArgs: { '--alias': `fp-ts/lib=${join(fpTs, 'es6')}` } }),
  };
};
