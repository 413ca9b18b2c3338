import { describe, expect, it } from 'vitest';
import { repoRoot } from '../workspace/publishablePackages.js';
import { longFunctions, longFunctionsIn } from './functionLength.js';

// A function of `lines` lines in all, its first line given.
const fn = (first: string, lines: number): string =>
  [first, ...Array.from({ length: lines - 2 }, (_, i) => `  const x${i} = ${i};`), '};'].join('\n');

describe('no function over 80 lines without a reason written beside it', () => {
  it('holds for every package, example and bench source (tests left out)', () => {
    const unexplained = longFunctions(repoRoot)
      .filter((f) => f.reason === undefined)
      .map((f) => `${f.file}:${f.line} ${f.name} is ${f.lines} lines`);
    expect(unexplained).toEqual([]);
  });

  it('lists a function of 81 lines that gives no reason, and not one of 80', () => {
    const text = `${fn('export function long() {', 81)}\n\n${fn('function short() {', 80)}\n`;
    expect(longFunctionsIn('a.ts', text)).toEqual([
      { file: 'a.ts', name: 'long', line: 1, lines: 81, reason: undefined },
    ]);
  });

  it('reads the reason from the comments above the declaration, in the one form', () => {
    const text = [
      '// long: one case per line of the table, read top to bottom',
      '/** Does it. */',
      fn('export const table = async (n: number) => {', 90),
      '// long because it is',
      fn('const loose = () => {', 90),
      '// long: x',
      fn('const terse = () => {', 90),
    ].join('\n');
    expect(longFunctionsIn('b.ts', text).map((f) => [f.name, f.reason])).toEqual([
      ['table', 'one case per line of the table, read top to bottom'],
      ['loose', undefined],
      ['terse', undefined],
    ]);
  });

  it('measures methods and inner closures on their own', () => {
    const text = [
      'class Reader {',
      fn('  read() {', 85).replace(/};$/, '}'),
      '}',
      fn('const outer = () => {', 40).replace(
        '  const x0 = 0;',
        fn('  const inner = function () {', 30),
      ),
    ].join('\n');
    expect(longFunctionsIn('c.ts', text).map((f) => [f.name, f.line, f.lines])).toEqual([
      ['read', 2, 85],
    ]);
    expect(longFunctionsIn('c.ts', text, 29).map((f) => [f.name, f.lines])).toEqual([
      ['read', 85],
      ['outer', 69],
      ['inner', 30],
    ]);
  });
});
