import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryPointsOf } from '../workspace/entryPoints.js';
import { publishablePackages, repoRoot } from '../workspace/publishablePackages.js';

const packagingDir = join(repoRoot, 'examples', 'packaging');
const readJson = (file: string) =>
  JSON.parse(readFileSync(join(packagingDir, file), 'utf8')) as Record<string, unknown>;
const typedoc = readJson('typedoc.json');
const documented = new Set(typedoc.packagesRequiringDocumentation as string[]);

/** `<package>/dist/esm/entries/lambda.d.ts` → `../../packages/<pkg>/src/entries/lambda.ts`. */
const sourceFromPackaging = (declarationFile: string): string =>
  relative(
    packagingDir,
    declarationFile.replace(`${join('dist', 'esm')}`, 'src').replace(/\.d\.ts$/, '.ts'),
  );

describe('the API reference', () => {
  const sources = publishablePackages()
    .filter(({ manifest }) => documented.has(manifest.name))
    .flatMap(entryPointsOf)
    .map((entry) => sourceFromPackaging(entry.declarationFile.esm));

  it('documents every entry point of every package it requires documentation for', () => {
    expect(sources.length).toBeGreaterThan(documented.size);
    expect([...(typedoc.entryPoints as string[])].sort()).toEqual([...sources].sort());
  });

  it('type-checks exactly those entry points', () => {
    expect([...(readJson('tsconfig.docs.json').files as string[])].sort()).toEqual(
      [...sources].sort(),
    );
  });
});
