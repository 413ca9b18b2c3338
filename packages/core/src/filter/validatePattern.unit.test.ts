import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { filterPattern, MAX_PATTERN_LENGTH, parseFilterPattern } from './filterPattern.js';
import type { InvalidFilterReason, PatternPath } from './invalidFilter.js';
import type { PatternShape } from './patternShape.js';

/** What the case shows, the `Pattern` text, the expected reason and the path of the problem. */
type Rejection = readonly [
  name: string,
  json: string,
  reason: InvalidFilterReason,
  path: PatternPath,
];

const rejections: readonly Rejection[] = [
  ['not JSON', '{"a": [', 'NotJson', []],
  ['a top-level array', '[{"a":["x"]}]', 'InvalidStructure', []],
  ['a top-level string', '"single-string"', 'InvalidStructure', []],
  ['an empty pattern', '{}', 'EmptyObject', []],
  ['an empty nested object', '{"a":{}}', 'EmptyObject', ['a']],
  ['a bare value', '{"a":"x"}', 'InvalidStructure', ['a']],
  [
    'a bare null (as printed in a DynamoDB tutorial)',
    '{"t":{"S":null}}',
    'InvalidStructure',
    ['t', 'S'],
  ],
  ['an empty matcher list', '{"a":[]}', 'EmptyArray', ['a']],
  ['an array inside a matcher list', '{"a":[["x"]]}', 'InvalidValue', ['a', 0]],
  ['an unknown operator', '{"a":[{"contains":"x"}]}', 'UnknownOperator', ['a', 0, 'contains']],
  ['wildcard', '{"a":[{"wildcard":"x*"}]}', 'UnknownOperator', ['a', 0, 'wildcard']],
  ['cidr', '{"a":[{"cidr":"10.0.0.0/24"}]}', 'UnknownOperator', ['a', 0, 'cidr']],
  [
    'two operators in one matcher',
    '{"a":[{"prefix":"x","suffix":"y"}]}',
    'InvalidStructure',
    ['a', 0],
  ],
  ['an empty matcher object', '{"a":[{}]}', 'EmptyObject', ['a', 0]],
  ['prefix with a number', '{"a":[{"prefix":1}]}', 'InvalidOperand', ['a', 0, 'prefix']],
  ['suffix with null', '{"a":[{"suffix":null}]}', 'InvalidOperand', ['a', 0, 'suffix']],
  [
    'equals-ignore-case with a list',
    '{"a":[{"equals-ignore-case":["x"]}]}',
    'InvalidOperand',
    ['a', 0, 'equals-ignore-case'],
  ],
  ['exists with a string', '{"a":[{"exists":"true"}]}', 'InvalidOperand', ['a', 0, 'exists']],
  [
    'anything-but empty list',
    '{"a":[{"anything-but":[]}]}',
    'EmptyArray',
    ['a', 0, 'anything-but'],
  ],
  [
    'anything-but mixed list',
    '{"a":[{"anything-but":["x",1]}]}',
    'InvalidOperand',
    ['a', 0, 'anything-but'],
  ],
  [
    'anything-but null',
    '{"a":[{"anything-but":null}]}',
    'InvalidOperand',
    ['a', 0, 'anything-but'],
  ],
  [
    'anything-but booleans',
    '{"a":[{"anything-but":[true]}]}',
    'InvalidOperand',
    ['a', 0, 'anything-but'],
  ],
  [
    'anything-but unknown nested operator',
    '{"a":[{"anything-but":{"wildcard":"x"}}]}',
    'InvalidOperand',
    ['a', 0, 'anything-but'],
  ],
  [
    'anything-but empty prefix',
    '{"a":[{"anything-but":{"prefix":""}}]}',
    'InvalidOperand',
    ['a', 0, 'anything-but', 'prefix'],
  ],
  [
    'anything-but number out of range',
    '{"a":[{"anything-but":[6e9]}]}',
    'InvalidOperand',
    ['a', 0, 'anything-but', 0],
  ],
  ['numeric not a list', '{"a":[{"numeric":">"}]}', 'InvalidNumericRange', ['a', 0, 'numeric']],
  [
    'numeric wrong length',
    '{"a":[{"numeric":[">",1,"<"]}]}',
    'InvalidNumericRange',
    ['a', 0, 'numeric'],
  ],
  [
    'numeric unknown operator',
    '{"a":[{"numeric":["!=",1]}]}',
    'InvalidNumericRange',
    ['a', 0, 'numeric', 0],
  ],
  [
    'numeric string operand',
    '{"a":[{"numeric":[">","1"]}]}',
    'InvalidNumericRange',
    ['a', 0, 'numeric', 1],
  ],
  [
    'numeric out of range',
    '{"a":[{"numeric":[">",6e9]}]}',
    'InvalidNumericRange',
    ['a', 0, 'numeric', 1],
  ],
  [
    'numeric range upside down',
    '{"a":[{"numeric":[">",5,"<",1]}]}',
    'InvalidNumericRange',
    ['a', 0, 'numeric'],
  ],
  [
    'numeric empty range',
    '{"a":[{"numeric":[">=",5,"<=",5]}]}',
    'InvalidNumericRange',
    ['a', 0, 'numeric'],
  ],
  [
    'numeric range starting with <',
    '{"a":[{"numeric":["<",5,">",1]}]}',
    'InvalidNumericRange',
    ['a', 0, 'numeric', 0],
  ],
  [
    'numeric range ending with =',
    '{"a":[{"numeric":[">",1,"=",5]}]}',
    'InvalidNumericRange',
    ['a', 0, 'numeric', 2],
  ],
  [
    'numeric = with a range',
    '{"a":[{"numeric":["=",1,"<",5]}]}',
    'InvalidNumericRange',
    ['a', 0, 'numeric', 0],
  ],
  ['a JSON number too big for a double', '{"a":[1e400]}', 'InvalidValue', ['a', 0]],
  ['$or not a list', '{"$or":{"a":["x"]}}', 'InvalidOr', ['$or']],
  ['$or with one branch', '{"$or":[{"a":["x"]}]}', 'InvalidOr', ['$or']],
  ['$or with a non-object branch', '{"$or":[{"a":["x"]},["y"]]}', 'InvalidOr', ['$or', 1]],
  ['$or with an empty branch', '{"$or":[{"a":["x"]},{}]}', 'EmptyObject', ['$or', 1]],
  [
    '$or branch naming an operator',
    '{"$or":[{"a":["x"]},{"prefix":["y"]}]}',
    'InvalidOr',
    ['$or', 1, 'prefix'],
  ],
  [
    'an error deep inside $or',
    '{"d":{"$or":[{"a":["x"]},{"b":[{"numeric":[]}]}]}}',
    'InvalidNumericRange',
    ['d', '$or', 1, 'b', 0, 'numeric'],
  ],
];

describe('invalid patterns are rejected with a typed error naming the place', () => {
  it.each(rejections)('%s', (_name, json, reason, path) => {
    const result = parseFilterPattern(json);
    expect(E.isLeft(result)).toBe(true);
    if (E.isLeft(result)) {
      expect(result.left).toMatchObject({ _tag: 'InvalidFilter', reason, path });
      expect(result.left.message.length).toBeGreaterThan(10);
    }
  });

  it('the message starts with a readable path', () => {
    const result = parseFilterPattern(
      '{"dynamodb":{"NewImage":{"price":{"N":[{"numeric":[">","1"]}]}}}}',
    );
    expect(E.isLeft(result) && result.left.message).toMatch(
      /^dynamodb\.NewImage\.price\.N\[0\]\.numeric\[1\]: expected a number/,
    );
  });
});

describe('values a TypeScript pattern can hold but JSON cannot', () => {
  const cases: ReadonlyArray<readonly [string, unknown, InvalidFilterReason]> = [
    ['NaN', { a: [Number.NaN] }, 'InvalidValue'],
    [
      'Infinity in numeric',
      { a: [{ numeric: ['>', Number.POSITIVE_INFINITY] }] },
      'InvalidNumericRange',
    ],
    ['undefined field', { a: undefined }, 'InvalidStructure'],
    ['a function', { a: [() => 1] }, 'InvalidValue'],
    ['a Date', { a: [new Date(0)] }, 'InvalidValue'],
    ['a bigint', { a: [1n] }, 'NotSerializable'],
  ];
  it.each(cases)('%s is rejected', (_name, pattern, reason) => {
    const result = filterPattern(pattern as PatternShape);
    expect(E.isLeft(result) && result.left.reason).toBe(reason);
  });

  it('a cyclic pattern is rejected, not thrown', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const result = filterPattern(cyclic as PatternShape);
    expect(E.isLeft(result) && result.left.reason).toBe('NotSerializable');
  });
});

describe('pattern length', () => {
  const ofLength = (n: number): string => {
    const skeleton = '{"a":[""]}';
    return `{"a":["${'x'.repeat(n - skeleton.length)}"]}`;
  };

  it(`accepts a pattern of exactly ${MAX_PATTERN_LENGTH} characters`, () => {
    expect(E.isRight(parseFilterPattern(ofLength(MAX_PATTERN_LENGTH)))).toBe(true);
  });

  it('rejects one character more, from JSON text and from a TypeScript pattern', () => {
    const json = ofLength(MAX_PATTERN_LENGTH + 1);
    const fromText = parseFilterPattern(json);
    const fromShape = filterPattern(JSON.parse(json) as PatternShape);
    expect(E.isLeft(fromText) && fromText.left.reason).toBe('TooLong');
    expect(E.isLeft(fromShape) && fromShape.left.reason).toBe('TooLong');
  });

  it('rejects a pattern nested too deep to deploy without overflowing the stack', () => {
    let deep: Record<string, unknown> = { a: ['x'] };
    for (let i = 0; i < 50_000; i++) deep = { a: deep };
    const result = filterPattern(deep as PatternShape);
    expect(E.isLeft(result)).toBe(true);
  });
});

describe('the validated pattern', () => {
  it('is a frozen copy, so later mutation of the input changes nothing', () => {
    const input = { a: ['x'] as string[] };
    const made = filterPattern(input);
    input.a.push('y');
    expect(E.isRight(made) && made.right.json).toBe('{"a":["x"]}');
    expect(E.isRight(made) && Object.isFrozen(made.right.pattern)).toBe(true);
    expect(E.isRight(made) && made.right.matches({ a: 'y' })).toBe(false);
  });

  it('normalizes -0 to 0 so the JSON round-trips', () => {
    const made = filterPattern({ a: [-0] });
    expect(E.isRight(made) && Object.is((made.right.pattern.a as number[])[0], 0)).toBe(true);
  });
});
