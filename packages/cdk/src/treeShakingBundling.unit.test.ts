import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { SluiceProjections } from './sluiceProjections.js';
import { streamSourceTable } from './streamSourceTable.js';
import { historyTable, toyProjections } from './testSupport/toyProjections.js';
import { treeShakingBundling } from './treeShakingBundling.js';

const entry = fileURLToPath(new URL('./testSupport/codecHandler.ts', import.meta.url));

// The bundles of an app's assets (CDK stages each under `asset.<hash>/`).
const bundlesOf = (app: App): string[] => {
  const dir = app.synth().directory;
  return readdirSync(dir)
    .filter((name) => name.startsWith('asset.') && existsSync(join(dir, name, 'index.js')))
    .map((name) => readFileSync(join(dir, name, 'index.js'), 'utf8'));
};

describe('treeShakingBundling', () => {
  it('prefers ES modules and aliases fp-ts/lib to the es6 build of the fp-ts the entry resolves', () => {
    const options = treeShakingBundling(entry);
    expect(options.mainFields).toEqual(['module', 'main']);
    const alias = String(options.esbuildArgs?.['--alias']);
    expect(alias).toMatch(/^fp-ts\/lib=.*fp-ts[/\\]es6$/);
    expect(existsSync(join(alias.slice('fp-ts/lib='.length), 'Either.js'))).toBe(true);
  });

  it('is what SluiceProjections bundles with: io-ts and fp-ts as ES modules, no fp-ts/lib', () => {
    const app = new App();
    const stack = new Stack(app, 'Bundling');
    const source = streamSourceTable(stack, 'Source', {
      tableName: 'source',
      partitionKey: { name: 'id', type: 'S' },
      streamViewType: 'NEW_AND_OLD_IMAGES',
    });
    new SluiceProjections(stack, 'Projections', {
      source,
      projections: toyProjections.slice(0, 1),
      tables: [historyTable],
      entry,
    });
    const bundle = bundlesOf(app).find((code) => code.includes('fp-ts'));
    expect(bundle).toBeDefined();
    expect(bundle).toMatch(/node_modules\/fp-ts\/es6\//);
    expect(bundle).toMatch(/node_modules\/io-ts\/es6\//);
    expect(bundle).not.toMatch(/node_modules\/fp-ts\/lib\//);
  }, 120_000);
});
