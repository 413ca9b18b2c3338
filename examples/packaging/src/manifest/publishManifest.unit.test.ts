import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishablePackages, repoRoot } from '../workspace/publishablePackages.js';

/** What one condition of an export must look like: types first, then the code. */
const conditionFor = (flavour: 'esm' | 'cjs', stem = 'index') => ({
  types: `./dist/${flavour}/${stem}.d.ts`,
  default: `./dist/${flavour}/${stem}.js`,
});

describe.each(publishablePackages())('$manifest.name', ({ dir, manifest }) => {
  it('carries the metadata the registry shows and npm needs to publish it publicly', () => {
    expect(manifest.name).toMatch(/^@sluice\/[a-z-]+$/);
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
    expect(manifest.description).toEqual(expect.stringMatching(/.{20,}/));
    expect(manifest.license).toBe('MIT');
    expect(manifest.repository).toEqual({
      type: 'git',
      url: expect.stringMatching(/^https:\/\/github\.com\/.+\.git$/),
      directory: dir,
    });
    expect(manifest.engines).toEqual({ node: expect.stringMatching(/^>=\d+/) });
    expect(manifest.publishConfig).toEqual({ access: 'public' });
    expect(manifest.keywords).toEqual(expect.arrayContaining(['dynamodb-streams']));
  });

  it('ships the build with the sources its maps point to, never tests, and has no import side effects', () => {
    expect(manifest.files).toEqual([
      'dist',
      '!dist/*.tsbuildinfo',
      'src',
      '!src/**/*.test.ts',
      '!src/**/*.test-d.ts',
      '!src/**/testSupport',
      '!src/**/__snapshots__',
      'README.md',
      'CHANGELOG.md',
    ]);
    expect(manifest.sideEffects).toBe(false);
    expect(manifest.type).toBe('module');
  });

  it('exposes its entry points (plus package.json) for import and require, types first', () => {
    const exportsMap = manifest.exports as Record<string, Record<string, object>>;
    const subpaths = Object.keys(exportsMap);
    expect(subpaths[0]).toBe('.');
    expect(subpaths.at(-1)).toBe('./package.json');
    expect(exportsMap['./package.json']).toBe('./package.json');
    expect(exportsMap['.']).toEqual({ import: conditionFor('esm'), require: conditionFor('cjs') });
    for (const subpath of subpaths.slice(1, -1)) {
      // `./lambda` is built from `src/entries/lambda.ts`, into both flavours.
      expect(subpath, 'a subpath is one plain word').toMatch(/^\.\/[a-z]+$/);
      const stem = `entries/${subpath.slice(2)}`;
      expect(existsSync(join(repoRoot, dir, 'src', `${stem}.ts`)), `${dir}/src/${stem}.ts`).toBe(
        true,
      );
      expect(exportsMap[subpath], subpath).toEqual({
        import: conditionFor('esm', stem),
        require: conditionFor('cjs', stem),
      });
    }
    for (const subpath of subpaths.slice(0, -1)) {
      // TypeScript takes the first matching condition, so `types` must precede `default`.
      expect(Object.keys(exportsMap[subpath]?.import ?? {})).toEqual(['types', 'default']);
      expect(Object.keys(exportsMap[subpath]?.require ?? {})).toEqual(['types', 'default']);
    }
  });

  it('maps every subpath for TypeScript projects that ignore `exports` (moduleResolution node10)', () => {
    const subpaths = Object.keys(manifest.exports as object)
      .filter((subpath) => subpath !== '.' && subpath !== './package.json')
      .map((subpath) => subpath.slice(2));
    const mapped = (
      manifest.typesVersions as Record<string, Record<string, string[]>> | undefined
    )?.['*'];
    expect(mapped ?? {}).toEqual(
      Object.fromEntries(
        subpaths.map((subpath) => [subpath, [`./dist/cjs/entries/${subpath}.d.ts`]]),
      ),
    );
  });

  it('points the legacy main/types fields (moduleResolution node10) at the CommonJS build', () => {
    expect(manifest.main).toBe('./dist/cjs/index.js');
    expect(manifest.types).toBe('./dist/cjs/index.d.ts');
    expect(manifest.module).toBe('./dist/esm/index.js');
  });

  it('has the CHANGELOG.md its `files` list names, titled for `changeset version` to fill', () => {
    const changelog = join(repoRoot, dir, 'CHANGELOG.md');
    expect(existsSync(changelog), `${dir}/CHANGELOG.md is missing`).toBe(true);
    // changesets inserts each release below the first line: the package's title.
    expect(readFileSync(changelog, 'utf8').split('\n')[0]).toBe(`# ${manifest.name}`);
  });

  it('has a README with the install line', () => {
    const readme = join(repoRoot, dir, 'README.md');
    expect(existsSync(readme), `${dir}/README.md is missing`).toBe(true);
    const install = new RegExp(
      `npm install (--save-dev )?${manifest.name.replace('/', '\\/')}( |$)`,
      'm',
    );
    expect(readFileSync(readme, 'utf8')).toMatch(install);
  });
});

describe('the publishable packages', () => {
  it('share one version, as the fixed changesets group promises', () => {
    const versions = new Set(publishablePackages().map(({ manifest }) => manifest.version));
    expect(versions.size).toBe(1);
  });
});
