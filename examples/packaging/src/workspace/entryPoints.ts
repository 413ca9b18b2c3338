import { join } from 'node:path';
import { repoRoot, shortName, type WorkspacePackage } from './publishablePackages.js';

/** One subpath of a package's `exports` map, as users import it. */
export interface EntryPoint {
  /** The key in `exports`: `"."` or `"./lambda"`. */
  readonly subpath: string;
  /** What users write in `from '…'`: `@sluice/projections` or `@sluice/projections/lambda`. */
  readonly importName: string;
  /** Stem of per-entry artefacts: `projections`, `projections.lambda`. */
  readonly stem: string;
  /** The built declaration file of each flavour, absolute. */
  readonly declarationFile: Readonly<Record<'esm' | 'cjs', string>>;
  /** The built code of each flavour, absolute. */
  readonly codeFile: Readonly<Record<'esm' | 'cjs', string>>;
}

/** The `import`/`require` conditions of one export, each with its types and code. */
type Conditions = Record<'import' | 'require', { types: string; default: string }>;

/** Every entry point a package's `exports` map lists (its `./package.json` aside), root first. */
export const entryPointsOf = ({ dir, manifest }: WorkspacePackage): EntryPoint[] =>
  Object.entries(manifest.exports as Record<string, Conditions | string>).flatMap(
    ([subpath, conditions]) => {
      if (typeof conditions === 'string') return []; // `./package.json`
      const rest = subpath.replace(/^\.\/?/, '');
      const absolute = (path: string) => join(repoRoot, dir, path);
      return [
        {
          subpath,
          importName: rest === '' ? manifest.name : `${manifest.name}/${rest}`,
          stem: rest === '' ? shortName(manifest.name) : `${shortName(manifest.name)}.${rest}`,
          declarationFile: {
            esm: absolute(conditions.import.types),
            cjs: absolute(conditions.require.types),
          },
          codeFile: {
            esm: absolute(conditions.import.default),
            cjs: absolute(conditions.require.default),
          },
        },
      ];
    },
  );
