import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryPointsOf } from '../workspace/entryPoints.js';
import { publishablePackages, repoRoot } from '../workspace/publishablePackages.js';
import { peersByJob } from './peersByJob.js';
import { runtimeImports } from './runtimeImports.js';

const projections = publishablePackages().find(
  ({ manifest }) => manifest.name === '@sluice/projections',
);
if (projections === undefined) throw new Error('@sluice/projections is not in the workspace');
const optionalPeers = Object.entries({ ...(projections.manifest.peerDependenciesMeta as object) })
  .filter(([, meta]) => (meta as { optional?: boolean }).optional === true)
  .map(([name]) => name);

/** `./dist/esm/entries/lambda.js` → `<package>/src/entries/lambda.ts`: the source it is built from. */
const sourceOf = (codeFile: string): string =>
  codeFile.replace(`${join('dist', 'esm')}`, 'src').replace(/\.js$/, '.ts');

describe('the entry points of @sluice/projections', () => {
  const entries = entryPointsOf(projections);

  it('are the jobs this test knows the peers of', () => {
    expect(entries.map((entry) => entry.importName).sort()).toEqual(Object.keys(peersByJob).sort());
  });

  it('mark every AWS SDK client optional: the root entry point needs none', () => {
    expect(optionalPeers.sort()).toEqual([
      '@aws-sdk/client-dynamodb',
      '@aws-sdk/client-dynamodb-streams',
      '@aws-sdk/lib-dynamodb',
    ]);
  });

  it.each(entries.map((entry) => [entry.importName, entry] as const))(
    '%s loads at runtime only the optional peers its job needs',
    async (importName, entry) => {
      const source = sourceOf(entry.codeFile.esm);
      expect(source.startsWith(join(repoRoot, projections.dir, 'src'))).toBe(true);
      const loaded = await runtimeImports(source);
      expect(loaded.filter((name) => optionalPeers.includes(name))).toEqual(peersByJob[importName]);
    },
  );
});
