import { describe, expect, it } from 'vitest';
import { filesEntryProblems } from './filesEntries.js';

const packed = ['README.md', 'dist/esm/index.js', 'src/batch/runBatch.ts', 'package.json'];

describe('filesEntryProblems', () => {
  it('accepts entries that name a packed file, a packed folder or a glob of packed files', () => {
    expect(filesEntryProblems(['README.md', 'dist', 'src/', 'src/**/*.ts'], packed)).toEqual([]);
  });

  it('reports an entry that matches nothing packed, such as a changelog never written', () => {
    expect(filesEntryProblems(['dist', 'CHANGELOG.md', 'lib'], packed)).toEqual([
      '"CHANGELOG.md" matches nothing packed',
      '"lib" matches nothing packed',
    ]);
  });

  it('reports a packed path that a negated entry excludes, at any depth', () => {
    const withTests = [...packed, 'src/batch/runBatch.unit.test.ts', 'src/a/testSupport/x.ts'];
    expect(
      filesEntryProblems(['src', '!src/**/*.test.ts', '!src/**/testSupport'], withTests),
    ).toEqual([
      '"!src/**/*.test.ts" excludes src/batch/runBatch.unit.test.ts, yet it is packed',
      '"!src/**/testSupport" excludes src/a/testSupport/x.ts, yet it is packed',
    ]);
    expect(filesEntryProblems(['!dist/*.tsbuildinfo'], ['dist/esm.tsbuildinfo'])).toHaveLength(1);
    expect(filesEntryProblems(['!dist/*.tsbuildinfo'], ['dist/esm/a.tsbuildinfo'])).toEqual([]);
  });
});
