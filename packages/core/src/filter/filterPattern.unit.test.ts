import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { filterPattern, parseFilterPattern } from './filterPattern.js';
import type { PatternShape } from './patternShape.js';

const matches = (pattern: PatternShape, record: unknown): boolean => {
  const compiled = filterPattern(pattern);
  if (E.isLeft(compiled)) throw new Error(compiled.left.message);
  return compiled.right.matches(record);
};

/** One example: what it shows, the pattern, the record, whether the record matches. */
type Row = readonly [name: string, pattern: PatternShape, record: unknown, expected: boolean];

const check = (rows: readonly Row[]) =>
  it.each(rows)('%s', (_name, pattern, record, expected) => {
    expect(matches(pattern, record)).toBe(expected);
  });

describe('exact values', () => {
  check([
    ['string equal', { a: ['x'] }, { a: 'x' }, true],
    ['string differs', { a: ['x'] }, { a: 'y' }, false],
    ['case matters', { a: ['x'] }, { a: 'X' }, false],
    ['any listed value', { a: ['x', 'y'] }, { a: 'y' }, true],
    ['missing field', { a: ['x'] }, {}, false],
    ['number equal', { a: [5] }, { a: 5 }, true],
    ['number vs numeric string', { a: [5] }, { a: '5' }, false],
    ['numeric string vs number', { a: ['5'] }, { a: 5 }, false],
    ['DynamoDB N as string', { a: { N: ['5'] } }, { a: { N: '5' } }, true],
    ['DynamoDB N with number pattern', { a: { N: [5] } }, { a: { N: '5' } }, false],
    ['number within six decimals', { a: [5] }, { a: 5.0000001 }, true],
    ['number beyond six decimals', { a: [5] }, { a: 5.000001 }, false],
    ['large account id number', { a: [123456789012] }, { a: 123456789012 }, true],
    ['boolean', { a: { BOOL: [true] } }, { a: { BOOL: true } }, true],
    ['boolean differs', { a: { BOOL: [true] } }, { a: { BOOL: false } }, false],
    ['boolean vs string', { a: [true] }, { a: 'true' }, false],
  ]);
});

describe('null and empty string', () => {
  check([
    ['null matches explicit null', { a: [null] }, { a: null }, true],
    ['null does not match a missing field', { a: [null] }, {}, false],
    ['null does not match ""', { a: [null] }, { a: '' }, false],
    ['"" matches ""', { a: [''] }, { a: '' }, true],
    ['"" does not match null', { a: [''] }, { a: null }, false],
    ['"" does not match a missing field', { a: [''] }, {}, false],
  ]);
});

describe('prefix, suffix, equals-ignore-case', () => {
  check([
    ['prefix', { a: [{ prefix: 'us-' }] }, { a: 'us-east-1' }, true],
    ['prefix absent', { a: [{ prefix: 'us-' }] }, { a: 'eu-west-1' }, false],
    ['prefix on a number', { a: [{ prefix: '1' }] }, { a: 12 }, false],
    ['empty prefix matches any string', { a: [{ prefix: '' }] }, { a: 'z' }, true],
    ['suffix', { a: [{ suffix: '.png' }] }, { a: 'cat.png' }, true],
    ['suffix absent', { a: [{ suffix: '.png' }] }, { a: 'cat.jpg' }, false],
    ['suffix is case-sensitive', { a: [{ suffix: '.png' }] }, { a: 'cat.PNG' }, false],
    ['equals-ignore-case', { a: [{ 'equals-ignore-case': 'alice' }] }, { a: 'ALICE' }, true],
    [
      'equals-ignore-case differs',
      { a: [{ 'equals-ignore-case': 'alice' }] },
      { a: 'alicia' },
      false,
    ],
    ['equals-ignore-case on null', { a: [{ 'equals-ignore-case': 'null' }] }, { a: null }, false],
  ]);
});

describe('anything-but', () => {
  check([
    ['single string excluded', { a: [{ 'anything-but': 'x' }] }, { a: 'x' }, false],
    ['other string passes', { a: [{ 'anything-but': 'x' }] }, { a: 'y' }, true],
    ['list excludes each', { a: [{ 'anything-but': ['x', 'y'] }] }, { a: 'y' }, false],
    ['numbers pass a string list', { a: [{ 'anything-but': ['5'] }] }, { a: 5 }, true],
    ['null passes', { a: [{ 'anything-but': ['x'] }] }, { a: null }, true],
    ['missing field never matches', { a: [{ 'anything-but': ['x'] }] }, {}, false],
    [
      'object-valued field never matches',
      { a: [{ 'anything-but': ['x'] }] },
      { a: { S: 'y' } },
      false,
    ],
    ['number excluded', { a: [{ 'anything-but': [100, 200] }] }, { a: 200 }, false],
    ['number excluded numerically', { a: [{ 'anything-but': 100 }] }, { a: 100.0000001 }, false],
    ['other number passes', { a: [{ 'anything-but': [100, 200] }] }, { a: 300 }, true],
    ['strings pass a number list', { a: [{ 'anything-but': [100] }] }, { a: '100' }, true],
    [
      'prefix excluded',
      { a: [{ 'anything-but': { prefix: 'init' } }] },
      { a: 'initializing' },
      false,
    ],
    ['prefix passes', { a: [{ 'anything-but': { prefix: 'init' } }] }, { a: 'running' }, true],
    ['suffix excluded', { a: [{ 'anything-but': { suffix: '.tmp' } }] }, { a: 'x.tmp' }, false],
    ['suffix passes', { a: [{ 'anything-but': { suffix: '.tmp' } }] }, { a: 'x.txt' }, true],
    [
      'array passes when one element passes',
      { a: [{ 'anything-but': 'x' }] },
      { a: ['x', 'y'] },
      true,
    ],
    [
      'array fails when every element is excluded',
      { a: [{ 'anything-but': 'x' }] },
      { a: ['x', 'x'] },
      false,
    ],
  ]);
});

describe('numeric', () => {
  check([
    ['= matches', { a: [{ numeric: ['=', 100] }] }, { a: 100 }, true],
    ['= matches 1e2', { a: [{ numeric: ['=', 100] }] }, JSON.parse('{"a":1e2}'), true],
    ['= differs', { a: [{ numeric: ['=', 100] }] }, { a: 101 }, false],
    ['< below', { a: [{ numeric: ['<', 10] }] }, { a: 9.5 }, true],
    ['< at bound', { a: [{ numeric: ['<', 10] }] }, { a: 10 }, false],
    ['<= at bound', { a: [{ numeric: ['<=', 10] }] }, { a: 10 }, true],
    ['> at bound', { a: [{ numeric: ['>', 0] }] }, { a: 0 }, false],
    ['>= at bound', { a: [{ numeric: ['>=', 0] }] }, { a: 0 }, true],
    ['range inside', { a: [{ numeric: ['>', 0, '<=', 5] }] }, { a: 5 }, true],
    ['range at open bottom', { a: [{ numeric: ['>', 0, '<=', 5] }] }, { a: 0 }, false],
    ['range above', { a: [{ numeric: ['>', 0, '<=', 5] }] }, { a: 5.5 }, false],
    ['negative numbers', { a: [{ numeric: ['>=', -10, '<', -1] }] }, { a: -10 }, true],
    ['numeric string never matches', { a: [{ numeric: ['>', 0] }] }, { a: '5' }, false],
    [
      'DynamoDB N never matches',
      { a: { N: [{ numeric: ['>', 100] }] } },
      { a: { N: '101' } },
      false,
    ],
    ['beyond ±5e9 never matches', { a: [{ numeric: ['>', 0] }] }, { a: 6e9 }, false],
    [
      'epoch seconds',
      { dynamodb: { ApproximateCreationDateTime: [{ numeric: ['>', 0] }] } },
      { dynamodb: { ApproximateCreationDateTime: 1678831218 } },
      true,
    ],
  ]);
});

describe('exists', () => {
  check([
    ['true on a present leaf', { a: { S: [{ exists: true }] } }, { a: { S: 'x' } }, true],
    ['true on a null leaf', { a: [{ exists: true }] }, { a: null }, true],
    ['true on a missing field', { a: [{ exists: true }] }, {}, false],
    ['true on an intermediate node', { a: [{ exists: true }] }, { a: { S: 'x' } }, false],
    ['true on an empty array', { a: [{ exists: true }] }, { a: [] }, false],
    ['false on a missing field', { a: [{ exists: false }] }, { b: 1 }, true],
    ['false on a missing parent', { a: { S: [{ exists: false }] } }, {}, true],
    ['false on a present leaf', { a: { S: [{ exists: false }] } }, { a: { S: 'x' } }, false],
    ['false on an intermediate node', { a: [{ exists: false }] }, { a: { S: 'x' } }, true],
    ['false on a null leaf', { a: [{ exists: false }] }, { a: null }, false],
    [
      'false when any array element has it',
      { l: { s: [{ exists: false }] } },
      { l: [{ t: 1 }, { s: 'x' }] },
      false,
    ],
    ['false or a value', { a: [{ exists: false }, 'x'] }, { a: 'x' }, true],
  ]);
});

describe('$or', () => {
  const either: PatternShape = { $or: [{ a: ['x'] }, { b: [{ numeric: ['>', 1] }] }] };
  check([
    ['first branch', either, { a: 'x' }, true],
    ['second branch', either, { b: 2 }, true],
    ['no branch', either, { a: 'y', b: 1 }, false],
    ['and with a sibling field', { c: ['k'], ...either }, { a: 'x' }, false],
    [
      'nested inside an object',
      { d: { $or: [{ a: ['x'] }, { b: ['y'] }] } },
      { d: { b: 'y' } },
      true,
    ],
    ['branch with exists:false', { $or: [{ a: [{ exists: false }] }, { a: ['x'] }] }, {}, true],
  ]);
});

describe('arrays in the record', () => {
  check([
    ['any element matches', { a: ['y'] }, { a: ['x', 'y'] }, true],
    ['no element matches', { a: ['z'] }, { a: ['x', 'y'] }, false],
    ['nested arrays are flattened', { a: ['z'] }, { a: [['x'], [['z']]] }, true],
    [
      'objects inside arrays are descended',
      { l: { S: ['b'] } },
      { l: [{ S: 'a' }, { S: 'b' }] },
      true,
    ],
    [
      'fields must match within one element',
      { e: { first: ['Anna'], last: ['Jones'] } },
      {
        e: [
          { first: 'Anna', last: 'Smith' },
          { first: 'Peter', last: 'Jones' },
        ],
      },
      false,
    ],
    [
      'fields matching in one element',
      { e: { first: ['Anna'], last: ['Smith'] } },
      {
        e: [
          { first: 'Anna', last: 'Smith' },
          { first: 'Peter', last: 'Jones' },
        ],
      },
      true,
    ],
  ]);
});

describe('hostile records', () => {
  check([
    ['inherited properties are not fields', { constructor: [{ exists: true }] }, {}, false],
    ['toString is not a field', { toString: [{ exists: false }] }, {}, true],
    ['a record that is null', { a: [{ exists: false }] }, null, true],
    ['a record that is a string', { a: ['x'] }, 'x', false],
    [
      'a field named __proto__',
      JSON.parse('{"__proto__":["x"]}'),
      JSON.parse('{"__proto__":"x"}'),
      true,
    ],
  ]);

  it('a pattern key __proto__ stays data and pollutes nothing', () => {
    const parsed = parseFilterPattern('{"__proto__":{"polluted":["yes"]}}');
    expect(E.isRight(parsed)).toBe(true);
    if (E.isRight(parsed)) {
      expect(Object.keys(parsed.right.pattern)).toEqual(['__proto__']);
      expect(Object.getPrototypeOf(parsed.right.pattern)).toBe(Object.prototype);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a deeply nested array in a record does not overflow the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(matches({ a: ['x'] }, { a: deep })).toBe(true);
  });
});
