import { describe, expect, it } from 'vitest';
import { folderCycles, folderOf } from './folderCycles.js';

describe('folderCycles', () => {
  it('names the top-level folder under a package src', () => {
    expect(folderOf('packages/testing/src/stream/shard.ts')).toBe('packages/testing/src/stream');
    expect(folderOf('bench/src/replay/run.ts')).toBe('bench/src/replay');
    expect(folderOf('node_modules/io-ts/lib/index.js')).toBeUndefined();
    expect(folderOf('packages/testing/src/index.ts')).toBe('packages/testing/src (entry)');
    expect(folderOf('examples/orders/src/orderLine.ts')).toBe('examples/orders/src');
  });

  it('finds two folders importing each other, and a loop of three', () => {
    const cycles = folderCycles([
      { from: 'packages/a/src/table/t.ts', to: 'packages/a/src/stream/s.ts' },
      { from: 'packages/a/src/stream/s.ts', to: 'packages/a/src/table/k.ts' },
      { from: 'packages/b/src/x/1.ts', to: 'packages/b/src/y/1.ts' },
      { from: 'packages/b/src/y/1.ts', to: 'packages/b/src/z/1.ts' },
      { from: 'packages/b/src/z/1.ts', to: 'packages/b/src/x/2.ts' },
    ]);
    expect(cycles).toEqual([
      ['packages/a/src/stream', 'packages/a/src/table'],
      ['packages/b/src/x', 'packages/b/src/y', 'packages/b/src/z'],
    ]);
  });

  it('lets a package entry point import every folder that imports the package root files', () => {
    expect(
      folderCycles([
        { from: 'examples/a/src/index.ts', to: 'examples/a/src/feature/f.ts' },
        { from: 'examples/a/src/feature/f.ts', to: 'examples/a/src/model.ts' },
      ]),
    ).toEqual([]);
  });

  it('accepts layers that import one way, and ignores what tests import', () => {
    expect(
      folderCycles([
        { from: 'packages/a/src/plan/p.ts', to: 'packages/a/src/projection/q.ts' },
        { from: 'packages/a/src/batch/b.ts', to: 'packages/a/src/plan/p.ts' },
        { from: 'packages/a/src/projection/q.unit.test.ts', to: 'packages/a/src/plan/p.ts' },
        { from: 'packages/a/src/projection/testSupport/h.ts', to: 'packages/a/src/batch/b.ts' },
      ]),
    ).toEqual([]);
  });
});
