import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { declarationErrors } from './declarationErrors.js';

const dir = mkdtempSync(join(tmpdir(), 'sluice-declaration-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entryWith = (name: string, text: string): string => {
  const esm = join(dir, name, 'dist', 'esm');
  mkdirSync(esm, { recursive: true });
  writeFileSync(join(dir, name, 'package.json'), '{"type":"module"}');
  writeFileSync(join(esm, 'index.d.ts'), text);
  return join(esm, 'index.d.ts');
};

describe('declarationErrors', () => {
  it('reports a type imported from a package the declarations cannot reach', () => {
    const entry = entryWith(
      'missing',
      "import type { X } from 'not-a-dependency';\nexport declare const x: X;\n",
    );
    expect(declarationErrors(entry).join('\n')).toContain("Cannot find module 'not-a-dependency'");
  });

  it('has nothing to say about sound declarations', () => {
    expect(declarationErrors(entryWith('sound', 'export declare const x: number;\n'))).toEqual([]);
  });
});
