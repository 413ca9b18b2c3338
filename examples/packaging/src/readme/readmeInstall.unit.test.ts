import { describe, expect, it } from 'vitest';
import { publishablePackages, readManifest } from '../workspace/publishablePackages.js';
import { installLineOfReadme, readmeExamples } from './readmeExamples.js';
import {
  combineInstallLines,
  installedName,
  readmeProjects,
  requiredPeers,
} from './readmeProjects.js';
import { versionRangeOf } from './versionRange.js';

const manifests = publishablePackages().map(({ manifest }) => manifest);
const sluice = new Set(manifests.map(({ name }) => name));
/** Only for tests and type checking: never in a user's production dependencies. */
const devOnly = (name: string) =>
  name === '@sluice/testing' ||
  name === '@sluice/offline' ||
  name === 'fast-check' ||
  name.startsWith('@types/');

// Under pnpm a project imports only what it lists: an install line must name all of it.
describe.each(readmeProjects)('a project made from the install lines of $installs', (project) => {
  const line = combineInstallLines(project.installs.map(installLineOfReadme));
  const installed = new Set([...line.dependencies, ...line.devDependencies]);

  it('installs every package the examples of its READMEs import', () => {
    const missing = project.examples.flatMap((readme) =>
      readmeExamples(readme).flatMap(({ block, imports }) =>
        [...imports]
          .map(installedName)
          .filter((name) => !installed.has(name))
          .map((name) => `${name} (${block.file}:${block.line})`),
      ),
    );
    expect(missing).toEqual([]);
  });

  it('installs every required peer of the Sluice packages it installs', () => {
    const peers = requiredPeers([...installed], manifests);
    expect(peers.filter((name) => !installed.has(name))).toEqual([]);
  });

  it('installs Sluice packages, test tools and types where they belong (dev or not)', () => {
    expect(line.dependencies.filter(devOnly)).toEqual([]);
    expect(line.devDependencies.filter((name) => !devOnly(name))).toEqual([]);
  });

  it('names only packages the workspace pins a version range for', () => {
    const unknown = [...installed].filter(
      (name) =>
        !sluice.has(name) && versionRangeOf(name, manifests, readManifest('.')) === undefined,
    );
    expect(unknown).toEqual([]);
  });
});

describe('the README examples', () => {
  const covered = new Set(readmeProjects.flatMap((project) => project.examples));
  const readmeOf = (name: string) => `packages/${name.replace('@sluice/', '')}/README.md`;

  it('are checked for every publishable package', () => {
    const unchecked = manifests.map(({ name }) => readmeOf(name)).filter((r) => !covered.has(r));
    expect(unchecked, 'add to readmeProjects (examples/packaging/src/readme)').toEqual([]);
  });

  it('include, in each checked README, at least one example that runs without AWS', () => {
    const packageReadmes = manifests
      .map(({ name }) => readmeOf(name))
      .filter((r) => covered.has(r));
    for (const readme of packageReadmes) {
      expect(
        readmeExamples(readme).filter(({ runnable }) => runnable),
        readme,
      ).not.toEqual([]);
    }
  });
});
