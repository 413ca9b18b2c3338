import { NumberValueImpl } from '@aws-sdk/util-dynamodb';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { AttributeFailure } from './attributeFailure.js';
import { unmarshallItem, unmarshallValue } from './unmarshall.js';

const failureOf = (result: E.Either<AttributeFailure, unknown>): AttributeFailure => {
  if (E.isRight(result)) throw new Error(`expected a failure, got ${String(result.right)}`);
  return result.left;
};

describe('unmarshallItem', () => {
  it('reads every attribute type as util-dynamodb does', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(
      unmarshallItem({
        s: { S: 'text' },
        n: { N: '-12.5' },
        b: { B: bytes },
        t: { BOOL: true },
        z: { NULL: true },
        l: { L: [{ S: 'a' }, { N: '1' }, { L: [] }] },
        m: { M: { inner: { M: { deep: { BOOL: false } } } } },
        ss: { SS: ['a', 'b'] },
        ns: { NS: ['1', '2.5'] },
        bs: { BS: [bytes] },
      }),
    ).toEqual(
      E.right({
        s: 'text',
        n: -12.5,
        b: bytes,
        t: true,
        z: null,
        l: ['a', 1, []],
        m: { inner: { deep: false } },
        ss: new Set(['a', 'b']),
        ns: new Set([1, 2.5]),
        bs: new Set([bytes]),
      }),
    );
  });

  it('returns SDK binary as the same Uint8Array and decodes Lambda base64 text to equal bytes', () => {
    const bytes = new Uint8Array([0, 255, 16]);
    const sdk = unmarshallItem({ b: { B: bytes } });
    expect(E.isRight(sdk) && sdk.right.b).toBe(bytes);
    const lambda = unmarshallItem({ b: { B: 'AP8Q' }, bs: { BS: ['AP8Q', ''] } });
    expect(lambda).toEqual(E.right({ b: bytes, bs: new Set([bytes, new Uint8Array()]) }));
    expect(E.isRight(lambda) && lambda.right.b).not.toBeInstanceOf(Buffer);
  });

  it('ignores type keys set to undefined, as SDK objects may carry them', () => {
    expect(unmarshallItem({ a: { S: 'x', N: undefined } })).toEqual(E.right({ a: 'x' }));
  });

  it('fails on an AttributeValue with no type, naming its path', () => {
    const failure = failureOf(unmarshallItem({ lines: { L: [{ S: 'a' }, {}] } }));
    expect(failure._tag).toBe('InvalidAttributeValue');
    expect(failure.path).toEqual(['lines', 1]);
    expect(failure.message).toMatch(/^lines\[1\]: AttributeValue has no type/);
  });

  it('fails on an AttributeValue with two types, listing them', () => {
    const failure = failureOf(unmarshallItem({ a: { M: { b: { S: 'x', N: '1' } } } }));
    expect(failure.message).toBe(
      'a.b: AttributeValue has 2 types (S, N); it must have exactly one',
    );
  });

  it.each([
    ['an unknown type', { a: { X: '1' } }, 'a: unknown AttributeValue type "X"'],
    ['S holding a number', { a: { S: 1 } }, 'a: S expects a string, got 1'],
    ['BOOL holding text', { a: { BOOL: 'false' } }, 'a: BOOL expects a boolean, got "false"'],
    ['NULL holding false', { a: { NULL: false } }, 'a: NULL expects true, got false'],
    ['L holding a map', { a: { L: {} } }, 'a: L expects a list of AttributeValues, got {}'],
    ['M holding a list', { a: { M: [] } }, 'a: M expects a map of AttributeValues, got []'],
    ['SS holding a number', { a: { SS: ['x', 2] } }, 'a[1]: SS expects strings, got 2'],
    [
      'B holding bad base64',
      { a: { B: 'not base64!' } },
      'a: B expects bytes (Uint8Array or base64 text), got "not base64!"',
    ],
    [
      'a value that is not an AttributeValue',
      { a: 'x' },
      'a: expected an AttributeValue object, got "x"',
    ],
    [
      'a list entry that is null',
      { a: { L: [null] } },
      'a[0]: expected an AttributeValue object, got null',
    ],
  ])('fails on %s', (_case, item, message) => {
    expect(failureOf(unmarshallItem(item)).message).toBe(message);
  });

  it.each([
    ['not a number', 'abc'],
    ['empty', ''],
    ['hexadecimal', '0x1F'],
    ['padded', ' 12'],
    ['Infinity', 'Infinity'],
    ['NaN', 'NaN'],
    ['two points', '1.2.3'],
  ])('fails on an N that is %s, where util-dynamodb would read some as numbers', (_case, n) => {
    const failure = failureOf(unmarshallItem({ qty: { NS: ['1', n] } }));
    expect(failure._tag).toBe('InvalidAttributeValue');
    expect(failure.message).toBe(`qty[1]: N ${JSON.stringify(n)} is not a number`);
  });

  it('fails on an N beyond the range of any number', () => {
    expect(failureOf(unmarshallItem({ n: { N: '1e400' } })).message).toBe(
      `n: N "1e400" is outside DynamoDB's number range`,
    );
  });

  it('is not fooled by a map that is not an object', () => {
    for (const map of [null, undefined, 'x', 1, [], new Uint8Array()]) {
      expect(failureOf(unmarshallItem(map))._tag).toBe('InvalidAttributeValue');
    }
  });
});

describe('numbers', () => {
  const read = (n: string, inexactNumbers?: 'fail' | 'wrap') =>
    unmarshallValue({ N: n }, inexactNumbers === undefined ? undefined : { inexactNumbers });

  it('reads numbers a double holds exactly as numbers, whatever their notation', () => {
    expect(read('42')).toEqual(E.right(42));
    expect(read('-0.5')).toEqual(E.right(-0.5));
    expect(read('1E+2')).toEqual(E.right(100));
    expect(read('0.30000000000000004')).toEqual(E.right(0.30000000000000004));
    expect(read('000000000000000000000007')).toEqual(E.right(7));
    expect(read('9007199254740991')).toEqual(E.right(Number.MAX_SAFE_INTEGER));
  });

  it('reads integers beyond 2^53 as exact bigints, as util-dynamodb does', () => {
    expect(read('9007199254740993')).toEqual(E.right(9007199254740993n));
    expect(read('-123456789012345678901234567890')).toEqual(
      E.right(-123456789012345678901234567890n),
    );
  });

  it('fails with InexactNumber rather than round a number a double cannot hold', () => {
    for (const n of [
      '0.1000000000000000055511151231257827',
      '123456789012345678901234567890.5',
      '1e+21',
    ]) {
      const failure = failureOf(read(n));
      expect(failure._tag).toBe('InexactNumber');
      expect(failure.message).toContain(
        `N "${n}" has more precision than a JavaScript number holds`,
      );
    }
  });

  it('wraps such numbers in NumberValue, keeping every digit, when asked to', () => {
    const wrapped = read('123456789012345678901234567890.5', 'wrap');
    expect(wrapped).toEqual(E.right(new NumberValueImpl('123456789012345678901234567890.5')));
    expect(read('12.5', 'wrap')).toEqual(E.right(12.5));
    expect(read('9007199254740993', 'wrap')).toEqual(E.right(9007199254740993n));
  });
});

describe('attribute names that could pollute a prototype', () => {
  it('refuses an attribute named __proto__, at any depth, naming its path', () => {
    for (const json of [
      '{"__proto__":{"M":{"polluted":{"S":"yes"}}}}',
      '{"a":{"L":[{"M":{"__proto__":{"M":{"polluted":{"BOOL":true}}}}}]}}',
    ]) {
      const failure = failureOf(unmarshallItem(JSON.parse(json)));
      expect(failure._tag).toBe('InvalidAttributeValue');
      expect(failure.path.at(-1)).toBe('__proto__');
      expect(failure.message).toContain('the attribute name "__proto__" is refused');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps constructor and prototype as plain own data', () => {
    const raw = JSON.parse(
      '{"constructor":{"M":{"prototype":{"M":{"polluted":{"S":"yes"}}}}},"prototype":{"S":"p"}}',
    );
    const result = unmarshallItem(raw);
    if (E.isLeft(result)) throw new Error(result.left.message);
    const item = result.right;
    expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
    expect(Object.keys(item)).toEqual(['constructor', 'prototype']);
    expect(item.constructor).toEqual({ prototype: { polluted: 'yes' } });
    expect({}.constructor).toBe(Object);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
