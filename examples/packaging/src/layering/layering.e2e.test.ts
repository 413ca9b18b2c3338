import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cruise } from './cruiseRepository.js';
import { folderCycles } from './folderCycles.js';

const fixtures: string[] = [];
afterAll(() => {
  for (const dir of fixtures) rmSync(dir, { recursive: true, force: true });
});

/** A throwaway tree laid out like the repository, with the given files. */
const fixture = (files: Record<string, string>): string => {
  const root = mkdtempSync(join(tmpdir(), 'sluice-layering-'));
  fixtures.push(root);
  const all = { 'tsconfig.base.json': '{ "compilerOptions": {} }', ...files };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
};

describe('the layering rules of ARCHITECTURE.md', () => {
  it('hold for the whole repository: no forbidden import, no cycle between folders', async () => {
    const found = await cruise();
    expect(found.imports.length).toBeGreaterThan(1000);
    expect(found.violations.map((v) => `${v.rule}: ${v.from} -> ${v.to}`)).toEqual([]);
    expect(folderCycles(found.imports)).toEqual([]);
  }, 240_000);

  it('fail on a deliberate violation of each kind', async () => {
    const root = fixture({
      'packages/core/src/decode.ts':
        "import { plan } from '../../projections/src/plan/plan.js';\nexport const d = plan;\n",
      'packages/projections/src/plan/plan.ts':
        "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const plan = DynamoDBClient;\n",
      'packages/projections/src/lambda/handler.ts':
        "import { store } from '../memory/store.js';\nexport const h = store;\n",
      'packages/projections/src/memory/store.ts': 'export const store = 1;\n',
      'packages/projections/src/batch/batch.ts':
        "import { table } from '../../../offline/src/table/table.js';\nexport const b = table;\n",
      'packages/offline/src/table/table.ts': 'export const table = 1;\n',
      'packages/testing/src/table/table.ts':
        "import { s } from '../stream/stream.js';\nexport const t = s;\nexport const k = 1;\n",
      'packages/testing/src/stream/stream.ts':
        "import { k } from '../table/key.js';\nexport const s = k;\n",
      'packages/testing/src/table/key.ts': 'export const k = 1;\n',
    });
    const found = await cruise(root);
    const rules = new Set(found.violations.map((v) => v.rule));
    expect(rules).toContain('core-stands-alone');
    expect(rules).toContain('planning-is-pure');
    expect(rules).toContain('runners-use-the-store-interface');
    expect(rules).toContain('testing-stays-out-of-production');
    expect(folderCycles(found.imports)).toEqual([
      ['packages/testing/src/stream', 'packages/testing/src/table'],
    ]);
  }, 240_000);
});
