import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) =>
  fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources; the packed-package test checks dist separately.
    // Subpath entry points first: a plain alias also matches `<name>/<anything>`.
    alias: [
      {
        find: /^@sluice\/projections\/(\w+)$/,
        replacement: fileURLToPath(
          new URL('./packages/projections/src/entries/$1.ts', import.meta.url),
        ),
      },
      { find: '@sluice/core', replacement: src('core') },
      { find: '@sluice/projections', replacement: src('projections') },
      { find: '@sluice/offline', replacement: src('offline') },
      { find: '@sluice/testing', replacement: src('testing') },
      { find: '@sluice/cdk', replacement: src('cdk') },
    ],
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'examples/*/src/**/*.test.ts',
      'bench/src/**/*.test.ts',
    ],
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
    // One DynamoDB Local for the whole run; int tests read `inject('dynamodbLocalEndpoint')`.
    globalSetup: ['packages/offline/src/dynamodbLocal/testSupport/vitestGlobalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
