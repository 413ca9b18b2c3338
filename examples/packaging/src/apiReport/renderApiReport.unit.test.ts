import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderApiReport } from './renderApiReport.js';

const dir = mkdtempSync(join(tmpdir(), 'sluice-api-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a tiny package with the given declaration files and renders its report. */
const reportOf = (files: Record<string, string>): string => {
  const pkg = mkdtempSync(join(dir, 'pkg-'));
  writeFileSync(join(pkg, 'package.json'), '{"name":"@example/pkg","type":"module"}');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(pkg, name), text);
  return renderApiReport({ packageName: '@example/pkg', declarationFile: join(pkg, 'index.d.ts') });
};

describe('renderApiReport', () => {
  it('lists re-exported declarations sorted by name, without comments or export keywords', () => {
    const report = reportOf({
      'index.d.ts': "export { zeta, type Alpha } from './alpha.js';\n",
      'alpha.d.ts':
        '/** doc */\nexport interface Alpha { readonly a: number }\nexport declare const zeta: (a: Alpha) => string;\n',
    });
    expect(report).toContain(
      '// Alpha\ninterface Alpha {\n    readonly a: number;\n}\n\n// zeta\nconst zeta: (a: Alpha) => string;',
    );
    expect(report).not.toContain('doc');
  });

  it('names a renamed export and lists unexported types that exported ones expose', () => {
    const report = reportOf({
      'index.d.ts': "export { inner as outer } from './inner.js';\n",
      'inner.d.ts':
        'interface Hidden { readonly h: string }\nexport declare const inner: Hidden;\n',
    });
    expect(report).toContain('// outer (declared as inner)\nconst inner: Hidden;');
    expect(report).toContain('## Reachable from the exports but not exported');
    expect(report).toContain('interface Hidden {');
  });

  it('names a type another entry point exports as an import from there, not as hidden', () => {
    const pkg = mkdtempSync(join(dir, 'pkg-'));
    writeFileSync(join(pkg, 'package.json'), '{"name":"@example/pkg","type":"module"}');
    writeFileSync(join(pkg, 'model.d.ts'), 'export interface Model { readonly m: string }\n');
    writeFileSync(join(pkg, 'index.d.ts'), "export type { Model } from './model.js';\n");
    writeFileSync(
      join(pkg, 'runner.d.ts'),
      "import type { Model } from './model.js';\nexport declare const run: (m: Model) => void;\n",
    );
    const report = renderApiReport({
      packageName: '@example/pkg/runner',
      declarationFile: join(pkg, 'runner.d.ts'),
      siblings: [{ importName: '@example/pkg', declarationFile: join(pkg, 'index.d.ts') }],
    });
    expect(report).toContain("## Exported by the package's other entry points");
    expect(report).toContain("import { Model } from '@example/pkg';");
    expect(report).not.toContain('## Reachable from the exports but not exported');
    expect(report).not.toContain('interface Model');
  });

  it('changes when a signature changes', () => {
    const before = reportOf({ 'index.d.ts': 'export declare const f: (a: number) => void;\n' });
    const after = reportOf({ 'index.d.ts': 'export declare const f: (a: string) => void;\n' });
    expect(after).not.toBe(before);
  });
});
